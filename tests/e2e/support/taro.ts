import type { Page } from 'playwright-core';

/** Finding things on the h5 build's Taro pages the way a person does: by the words on them. */

/** The page's own content, without the browser build's title bar. */
export const ui = (page: Page) => page.locator('#app');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A button by its exact words. */
export const button = (page: Page, label: string) => ui(page).locator('taro-button-core').filter({ hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) });

/** The words a person sees on the page, spaces collapsed. */
export const words = async (page: Page) => (await ui(page).innerText()).replace(/\s+/g, ' ');

/** A text box by the example it shows. */
export const box = (page: Page, placeholder: string) => ui(page).locator(`input[placeholder="${placeholder}"]`);
