/**
 * NutUI components, imported one by one with their own styles so neither bundle carries the
 * whole library. Add a component here before using it in a page.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
