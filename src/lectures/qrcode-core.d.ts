/** The `qrcode` package's encoder on its own (lib/core/qrcode.js); its package types cover only the whole package. */
declare module 'qrcode/lib/core/qrcode' {
  export function create(
    data: string | { data: Uint8Array; mode: 'byte' | 'alphanumeric' | 'numeric' }[],
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number },
  ): { modules: { size: number; get(row: number, col: number): boolean | number } };
}
