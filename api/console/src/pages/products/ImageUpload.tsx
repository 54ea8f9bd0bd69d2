/** A picture list form control (value: image URLs): upload, reorder by re-adding, remove; the first is the cover. */
import { PlusOutlined } from '@ant-design/icons';
import { Upload, message, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { uploadImage } from '../../api/upload';

interface Props {
  value?: string[];
  onChange?: (urls: string[]) => void;
  max?: number;
  id?: string;
}

export function ImageUpload({ value = [], onChange, max = 9, id }: Props) {
  const [busy, setBusy] = useState(false);
  // Several files may finish one after another before the form re-renders: append to the latest list.
  const latest = useRef(value);
  latest.current = value;
  const files: UploadFile[] = value.map((url, i) => ({ uid: `${i}:${url}`, name: i === 0 ? '封面' : `图片 ${i + 1}`, status: 'done', url }));
  return (
    <Upload
      id={id}
      listType="picture-card"
      accept="image/png,image/jpeg,image/webp"
      multiple
      fileList={busy ? [...files, { uid: 'uploading', name: '上传中', status: 'uploading' }] : files}
      onRemove={(f) => onChange?.(value.filter((_, i) => `${i}:${value[i]}` !== f.uid))}
      customRequest={async ({ file, onSuccess, onError }) => {
        setBusy(true);
        try {
          const url = await uploadImage(file as Blob);
          latest.current = [...latest.current, url];
          onChange?.(latest.current);
          onSuccess?.({ url });
        } catch (err) {
          message.error(err instanceof Error ? err.message : '上传失败');
          onError?.(err as Error);
        } finally {
          setBusy(false);
        }
      }}
    >
      {value.length >= max ? null : (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>上传图片</div>
        </div>
      )}
    </Upload>
  );
}
