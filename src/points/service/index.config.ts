export default definePageConfig({
  navigationBarTitleText: '记录服务',
});
