/**
 * Keeps the screen on and bright while the member code shows, where the platform allows:
 * weapp sets keep-screen-on and full brightness (restoring the previous brightness after);
 * H5 asks for a screen wake lock when the browser has one. Returns the function that undoes it.
 */
export declare function keepScreenBright(): () => void;
