// The whole root entry: everything a partner gets without tree-shaking (listing editor included).
export * from 'react-tray-embedded';
