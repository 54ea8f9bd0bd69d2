/** What an object page shows when the API answers 404 or 403: the object is not this account's to see. */
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export function NoAccess() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="该内容不存在，或不在您的账号可查看的范围内。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回概览
        </Button>
      }
    />
  );
}
