export default definePageConfig({
  navigationBarTitleText: '楼栋群里的反映',
});
