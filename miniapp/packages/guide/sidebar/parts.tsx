/** Small pieces the sidebar's panels share. */
import { type ReactNode, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { messageOf } from '../../../services/http';

export type Loaded<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; data: T };

/** Loads `fetch()` when `key` changes; answers the state, its reload, and a setter for local edits. */
export function useLoad<T>(fetch: () => Promise<T>, key: string): [Loaded<T>, () => void, (data: T) => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const load = () => {
    setState({ kind: 'loading' });
    fetch().then(
      (data) => setState({ kind: 'ok', data }),
      (e) => setState({ kind: 'error', message: messageOf(e) }),
    );
  };
  useEffect(load, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return [state, load, (data) => setState({ kind: 'ok', data })];
}

/** A titled white card; `empty` is the line shown instead of children when there is nothing. */
export function Block({ title, empty, children, className = '' }: { title: string; empty: string | null; children?: ReactNode; className?: string }) {
  return (
    <View className={`sb-card sb-block ${className}`}>
      <Text className='sb-block__title'>{title}</Text>
      {empty !== null ? <Text className='sb-empty'>{empty}</Text> : children}
    </View>
  );
}

/** A load that failed, with the copy and 重试. */
export function Failed({ message, detail, onRetry }: { message: string; detail?: string; onRetry?: () => void }) {
  return (
    <View className='sb-card sb-failed'>
      <Text className='sb-failed__message'>{message}</Text>
      {detail && <Text className='sb-failed__detail'>{detail}</Text>}
      {onRetry && (
        <View className='sb-button sb-button--ghost sb-failed__retry' onClick={onRetry}>
          重试
        </View>
      )}
    </View>
  );
}
