import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
// antd's date pickers name months and weekdays through dayjs: Chinese, weeks starting on Monday.
import 'dayjs/locale/zh-cn';
import { Root } from './Root';
import './global.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Desk PCs in community offices: a slightly larger base font reads better for older staff. */}
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 15 } }} button={{ autoInsertSpace: false }}>
      <AntApp message={{ maxCount: 3 }}>
        <Root />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
