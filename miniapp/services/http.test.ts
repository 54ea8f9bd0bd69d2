/**
 * The request layer and a rate limit: a 429 becomes an ApiError with the RATE_LIMITED copy the
 * pages toast, whether the API or a gateway in front of it answered, and it is not retried.
 */
import { ERROR_MESSAGES } from '@common/errors';
import { ApiError, messageOf, request } from './http';

const requestMock = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: (opts: unknown) => requestMock(opts) } }));
jest.mock('./token', () => ({ readToken: () => 'member-token', clearSession: jest.fn() }));

async function failure(answer: { statusCode: number; data: unknown }): Promise<ApiError> {
  requestMock.mockReset();
  requestMock.mockResolvedValue(answer);
  const err = await request('POST', '/api/orders', { body: {} }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(requestMock).toHaveBeenCalledTimes(1);
  return err as ApiError;
}

describe('http: over the rate limit', () => {
  it("shows the API's RATE_LIMITED copy", async () => {
    const err = await failure({ statusCode: 429, data: { ok: false, code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED } });
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.status).toBe(429);
    expect(messageOf(err)).toBe('操作太频繁，请稍后再试');
  });

  it("gives a gateway's bare 429 the same copy", async () => {
    const err = await failure({ statusCode: 429, data: '<html>429 Too Many Requests</html>' });
    expect(err.code).toBe('RATE_LIMITED');
    expect(messageOf(err)).toBe(ERROR_MESSAGES.RATE_LIMITED);
  });

  it('keeps the HQ login brake its own code and copy', async () => {
    const err = await failure({ statusCode: 429, data: { ok: false, code: 'HQ_LOGIN_RATE_LIMITED', message: '' } });
    expect(err.code).toBe('HQ_LOGIN_RATE_LIMITED');
  });
});
