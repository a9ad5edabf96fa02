export default definePageConfig({
  navigationBarTitleText: '办理反映',
});
