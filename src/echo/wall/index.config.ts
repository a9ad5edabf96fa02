export default definePageConfig({
  navigationBarTitleText: '回音壁',
  // Shared into a building's group (useShareAppMessage): whoever opens it reads it, registered or not.
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
});
