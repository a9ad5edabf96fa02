export default definePageConfig({
  navigationBarTitleText: '更正我的信息',
});
