// The whole /listing entry (the solution-listing editor and its save plan).
export * from 'react-tray-embedded/listing';
