// Taro's plain React components ship without type declarations; the tests only re-export them.
declare module '@tarojs/components-react/dist/components/*';
