export type { BibDuplicate, BibEntry, BibError, ParsedBibliography } from './bibtex';
export { parseBibtex } from './bibtex';
export type { BibliographyOrigin, BibliographySource, DiscoveredBibliographies, DiscoveryOptions, MissingBibliography } from './discover';
export { bibliographyUris } from './discover';
export type { UnresolvedCitationKey } from './resolve';
export { closestKeys, normalizeDoi, normalizeTitle, referenceOfEntry, unresolvedCitationKeys } from './resolve';
export { fileUriOf, folderUriOf, resolvePath } from './uri';
export type { Workspace } from './workspace';
export { fileExists, memoryWorkspace } from './workspace';
