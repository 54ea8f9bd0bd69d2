/** 新增/编辑收货地址: a form with hints from common/address/rules; weapp can fill it from WeChat. */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { AddressInput } from '@common/address/types';
import { isValidPhone } from '@common/address/rules';
import { createAddress, deleteAddress, fetchAddresses, setChosenAddress, updateAddress } from '../../../../services/address';
import { canChooseWechatAddress, chooseWechatAddress } from '../../../../services/address-chooser';
import { messageOf } from '../../../../services/http';
import { Check } from '../../../../components/check';
import { RegionPicker, type Region } from './region-picker';
import { toast } from '../../../../utils/toast';
import './index.scss';
import { withLogin } from '../../../../components/require-login';

const EMPTY: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false };
type Field = keyof Omit<AddressInput, 'isDefault'>;

/** The first problem of each field, as a hint under it. */
function problemsOf(a: AddressInput): Partial<Record<Field, string>> {
  const p: Partial<Record<Field, string>> = {};
  if (!a.name.trim()) p.name = '请填写收货人姓名';
  else if (a.name.trim().length > 20) p.name = '姓名最多 20 个字';
  if (!isValidPhone(a.phone.trim())) p.phone = '请填写正确的手机号码';
  if (!a.province.trim() || !a.city.trim() || !a.district.trim()) p.province = '请填写完整的省、市、区';
  if (a.detail.trim().length < 4) p.detail = '请填写详细地址（街道、门牌号）';
  return p;
}

const trimmed = (a: AddressInput): AddressInput => ({
  ...a,
  name: a.name.trim(),
  phone: a.phone.trim(),
  province: a.province.trim(),
  city: a.city.trim(),
  district: a.district.trim(),
  detail: a.detail.trim(),
});

function AddressEditPage() {
  const { params } = useRouter();
  const id = Number(params.id) || null;
  const choosing = params.choose === '1';
  const [form, setForm] = useState<AddressInput>(EMPTY);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑收货地址' : '新增收货地址' });
    if (!id) return;
    fetchAddresses()
      .then((list) => {
        const a = list.find((x) => x.id === id);
        if (a) setForm({ name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail, isDefault: a.isDefault });
      })
      .catch((e) => toast(messageOf(e)));
  }, [id]);

  const set = (patch: Partial<AddressInput>) => setForm((f) => ({ ...f, ...patch }));
  const problems = tried ? problemsOf(form) : {};

  const fromWechat = async () => {
    const a = await chooseWechatAddress();
    if (a) set(a);
  };

  const save = async () => {
    setTried(true);
    if (saving || Object.keys(problemsOf(form)).length > 0) return;
    setSaving(true);
    try {
      const saved = id ? await updateAddress(id, trimmed(form)) : await createAddress(trimmed(form));
      if (choosing) setChosenAddress(saved);
      toast('已保存', 'success');
      void Taro.navigateBack({ delta: choosing ? Number(params.back) || 1 : 1 });
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!id) return;
    const { confirm } = await Taro.showModal({ title: '', content: '确定删除该收货地址吗？', confirmColor: '#e8452c' });
    if (!confirm) return;
    try {
      await deleteAddress(id);
      void Taro.navigateBack();
    } catch (e) {
      toast(messageOf(e));
    }
  };

  const input = (field: Field, label: string, placeholder: string, extra: Partial<{ type: 'number' | 'text'; maxlength: number }> = {}) => (
    <View className={`address-form__row${problems[field] ? ' address-form__row--error' : ''}`}>
      <Text className='address-form__label'>{label}</Text>
      <Input
        className={`address-form__input address-form__${field}`}
        value={form[field]}
        placeholder={placeholder}
        type={extra.type ?? 'text'}
        maxlength={extra.maxlength ?? 60}
        onInput={(e) => set({ [field]: e.detail.value } as Partial<AddressInput>)}
      />
    </View>
  );
  const hint = (field: Field) => problems[field] && <Text className='address-form__hint'>{problems[field]}</Text>;

  return (
    <View className='address-edit'>
      {canChooseWechatAddress && (
        <View className='address-form__wechat' onClick={() => void fromWechat()}>
          <Text>一键获取微信地址</Text>
          <View className='address-form__wechat-arrow' />
        </View>
      )}
      <View className='address-form'>
        {input('name', '收货人', '请填写收货人姓名', { maxlength: 20 })}
        {hint('name')}
        {input('phone', '手机号码', '请填写收货人手机号', { type: 'number', maxlength: 13 })}
        {hint('phone')}
        <View className={`address-form__row${problems.province ? ' address-form__row--error' : ''}`}>
          <Text className='address-form__label'>所在地区</Text>
          <View className='address-form__region'>
            {(['province', 'city', 'district'] as const).map((f, i) => (
              <Input
                key={f}
                className={`address-form__input address-form__region-input address-form__${f}`}
                value={form[f]}
                placeholder={['省份', '城市', '区县'][i]}
                maxlength={20}
                onInput={(e) => set({ [f]: e.detail.value } as Partial<AddressInput>)}
              />
            ))}
          </View>
          <RegionPicker value={[form.province, form.city, form.district] as Region} onChange={([province, city, district]) => set({ province, city, district })} />
        </View>
        {hint('province')}
        {input('detail', '详细地址', '街道、楼牌号等', { maxlength: 120 })}
        {hint('detail')}
      </View>

      <View className='address-form address-form__default-row' onClick={() => set({ isDefault: !form.isDefault })}>
        <View className='address-form__default-text'>
          <Text className='address-form__default-title'>设为默认地址</Text>
          <Text className='address-form__default-note'>下单时优先使用该地址</Text>
        </View>
        <Check className='address-form__default' checked={form.isDefault} onChange={(v) => set({ isDefault: v })} />
      </View>

      <View className='address-form__actions'>
        <View className={`address-form__save${saving ? ' address-form__save--busy' : ''}`} onClick={() => void save()}>
          {saving ? '保存中…' : '保存'}
        </View>
        {id && (
          <View className='address-form__delete' onClick={() => void remove()}>
            删除收货地址
          </View>
        )}
      </View>
    </View>
  );
}

export default withLogin(AddressEditPage, '登录后管理你的收货地址');
