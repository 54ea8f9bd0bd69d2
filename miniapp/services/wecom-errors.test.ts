import { classifyErrMsg, MIN_WECOM_VERSION, toWecomError, versionBelow, WECOM_FAILURE_COPY, wecomVersionOf } from './wecom-errors';

describe('WeCom client errors', () => {
  it.each([
    // The errMsg forms the JS-SDK documents (and formats: "access denied" becomes "permission denied").
    ['getCurExternalContact:fail without context of external contact', 'no_context'],
    ['getCurExternalChat:fail no permission', 'no_permission'],
    ['agentConfig:permission denied', 'no_permission'],
    ['sendChatMessage:no permission', 'no_permission'],
    ['getContext:function not exist', 'old_client'],
    ['sendChatMessage:not support', 'old_client'],
    ['sendChatMessage:cancel', 'cancelled'],
    ['sendChatMessage:fail invalid imgUrl', 'other'],
  ] as const)('%s → %s', (errMsg, failure) => {
    expect(classifyErrMsg(errMsg)).toBe(failure);
  });

  it('turns the result object the SDK throws into a WecomClientError with its copy', () => {
    const e = toWecomError({ errMsg: 'sendChatMessage:fail without context of external contact', errCode: -1 });
    expect(e.failure).toBe('no_context');
    expect(e.message).toBe(WECOM_FAILURE_COPY.no_context);
    expect(e.message).toContain('聊天工具栏重新打开');
    expect(e.errMsg).toBe('sendChatMessage:fail without context of external contact');
  });

  it('reads the client version from the user agent and compares dotted versions', () => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.30 MicroMessenger/7.0.1 Language/zh';
    expect(wecomVersionOf(ua)).toBe('4.1.30');
    expect(wecomVersionOf('Mozilla/5.0 MicroMessenger/8.0.50')).toBeNull();
    expect(versionBelow('3.0.36', MIN_WECOM_VERSION)).toBe(true);
    expect(versionBelow('3.1.0', MIN_WECOM_VERSION)).toBe(false);
    expect(versionBelow('3.1', MIN_WECOM_VERSION)).toBe(false);
    expect(versionBelow('4.1.30', MIN_WECOM_VERSION)).toBe(false);
    expect(versionBelow('2.8.10', '2.8.9')).toBe(false);
  });
});
