/**
 * Asking for the phone number (开卡), per platform: weapp is WeChat's phone button
 * (`openType="getPhoneNumber"`), whose one-time code the server exchanges with WeChat; H5 has no
 * such button, so in development the shopper types a number and the fake WeChat mints the code the
 * button would have given (the server then takes the same path). `onCode` gets the code;
 * `onRefuse` runs when the shopper declines (they can still shop online).
 */
export declare function PhoneConsent(props: { busy: boolean; label?: string; onCode: (code: string) => void; onRefuse: () => void }): JSX.Element;
