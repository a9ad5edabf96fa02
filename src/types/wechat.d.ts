/**
 * What WeChat's base library gives that Taro 4.2's types leave out. getPhoneNumber's event carries
 * `errno` (1400001: the mini-program's quota of phone numbers is used up; 1400001 and refusals both
 * leave `code` empty), which decides what the join page tells the person.
 */
import '@tarojs/components/types/Button';

declare module '@tarojs/components/types/Button' {
  namespace ButtonProps {
    interface onGetPhoneNumberEventDetail {
      /** WeChat's error number when no code was given (1400001: quota used up). */
      errno?: number;
    }
  }
}

/**
 * getGroupEnterInfo's promise is typed as a bare CallbackResult in Taro 4.2; WeChat resolves it with
 * the success result, whose `cloudID` (given to mini-programs with cloud development) is what the
 * groups function trades for the group's openGId.
 */
declare module '@tarojs/taro' {
  interface TaroStatic {
    getGroupEnterInfo(option?: getGroupEnterInfo.Option): Promise<getGroupEnterInfo.SuccessCallbackResult>;
  }
}
