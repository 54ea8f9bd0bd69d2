/**
 * The shopper's order actions (取消订单, 去支付, 确认收货, 申请退款), shared by 订单列表 and
 * 订单详情: confirm where it matters, one action at a time, then tell the page to re-read.
 */
import { useRef, useState } from 'react';
import { cancelOrder, confirmReceipt, requestRefund } from '../../../services/orders';
import { payOrder } from '../../../services/pay';
import { messageOf } from '../../../services/http';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';
import { RefundSheet } from './refund-sheet';
import { DevPaySheet } from './dev-pay-sheet';
import { toast } from '../../../utils/toast';

export function useOrderActions(onChanged: () => void) {
  const [dialog, setDialog] = useState<ConfirmRequest | null>(null);
  const [refund, setRefund] = useState<{ id: number; amountFen: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [cashier, setCashier] = useState<{ amountFen: number; answer: (pay: boolean) => void } | null>(null);
  const running = useRef(false);

  const run = async (work: () => Promise<string | null>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      const done = await work();
      if (done) toast(done, 'success');
    } catch (e) {
      toast(messageOf(e));
    } finally {
      running.current = false;
      setBusy(false);
      onChanged();
    }
  };

  const cancel = (id: number) =>
    setDialog({
      title: '确定取消订单吗？',
      content: '取消后订单无法恢复，商品将放回库存',
      okText: '取消订单',
      onOk: () => void run(async () => (await cancelOrder(id), '订单已取消')),
    });

  const askDevPay = (amountFen: number) =>
    new Promise<boolean>((resolve) => setCashier({ amountFen, answer: resolve }));

  const pay = (id: number, amountFen: number) =>
    void run(async () => {
      const result = await payOrder(id, () => askDevPay(amountFen));
      if (result === 'cancelled') return (toast('已取消支付'), null);
      // WeChat's payment notification may land a moment after the sheet closes: look again.
      setTimeout(onChanged, 2000);
      return '支付成功';
    });

  const confirm = (id: number) =>
    setDialog({
      title: '确认已收到商品？',
      content: '确认收货后订单完成',
      okText: '确认收货',
      onOk: () => void run(async () => (await confirmReceipt(id), '已确认收货')),
    });

  const askRefund = (id: number, amountFen: number) => setRefund({ id, amountFen });

  const overlays = (
    <>
      {cashier && (
        <DevPaySheet
          amountFen={cashier.amountFen}
          onAnswer={(ok) => {
            setCashier(null);
            cashier.answer(ok);
          }}
        />
      )}
      <ConfirmDialog request={dialog} onClose={() => setDialog(null)} />
      {refund && (
        <RefundSheet
          amountFen={refund.amountFen}
          onClose={() => setRefund(null)}
          onSubmit={(reason) => {
            const id = refund.id;
            setRefund(null);
            void run(async () => (await requestRefund(id, reason), '已提交退款申请'));
          }}
        />
      )}
    </>
  );

  return { busy, cancel, pay, confirm, askRefund, overlays };
}
