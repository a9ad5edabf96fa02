export default definePageConfig({
  navigationBarTitleText: '记录决定',
});
