export default definePageConfig({
  navigationBarTitleText: '绑定楼栋群',
  // The page shares itself into the building's group (useShareAppMessage).
  enableShareAppMessage: true,
});
