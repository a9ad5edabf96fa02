export default definePageConfig({
  navigationBarTitleText: '认领需求',
});
