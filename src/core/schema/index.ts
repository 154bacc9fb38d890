export * from './common.ts';
export * from './assumptions.ts';
export * from './vendor.ts';
export * from './partner-type.ts';
export * from './market.ts';
export * from './content.ts';
