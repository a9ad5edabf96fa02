export default definePageConfig({
  navigationBarTitleText: '登记入住',
});
