/** The frame crafter's pure logic: documents, payload parsing, building, judging, templates. */
export * from './craft-spec';
export * from './mask-key';
export * from './hex-payload';
export * from './payload';
export * from './build-craft-frame';
export * from './check-sequence';
export * from './reactions';
export * from './templates';
export * from './document-codec';
export * from './payload-modes';
