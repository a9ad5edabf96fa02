export default definePageConfig({
  navigationBarTitleText: '替居民登记',
});
