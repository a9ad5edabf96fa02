/**
 * The few messages the mini-program shows before (or without) asking a function: a photo too large to
 * send, a code whose scene cannot be read, a phone change outside WeChat. Kept apart from ERRORS so the
 * pages import these alone: the whole table is the server's, and in the main package it would weigh
 * most of 20 KB of the 500 an old phone loads first.
 *
 * Each is a plain constant that ERRORS names by value (no spread): an object spread compiles to a helper
 * call the minifier must keep, and with it the whole table, even where nothing reads it.
 */
export const PERSON_PHONE_NEEDS_WECHAT = '改手机号要在微信里打开近邻小程序，点“微信手机号”按钮；用网页登录的请找社区工作人员修改';
export const PHOTO_TOO_LARGE = '照片太大了，每张不能超过 5 MB';
export const CODE_NOT_FOUND = '没有这个码：请确认扫的是近邻的码，或向楼栋长、社区要一个新码';

export const SHOWN_BEFORE_ASKING = {
  'PERSON.PHONE_NEEDS_WECHAT': PERSON_PHONE_NEEDS_WECHAT,
  'PHOTO.TOO_LARGE': PHOTO_TOO_LARGE,
  'CODE.NOT_FOUND': CODE_NOT_FOUND,
} as const;
