import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, memoryWorkspace } from '../../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../../server/src/node/knowledge-base-file';

/** The findings of one citation code for a LaTeX manuscript beside the given `.bib` files, as `code: covered text`. */
export function citationFindings(text: string, files: Record<string, string>, code: string): string[] {
  const service = createLanguageService({
    ...loadKnowledgeBaseFiles(),
    workspace: memoryWorkspace(Object.fromEntries(Object.entries(files).map(([name, content]) => [`file:///paper/${name}`, content]))),
    discoveryOptions: () => ({ workspaceRoot: 'file:///paper/' }),
  });
  const document = TextDocument.create('file:///paper/paper.tex', 'latex', 1, text);
  return service.findings(service.analyze(document)!).filter((finding) => finding.code === code).map((finding) => `${finding.code}: ${text.slice(finding.span.start, finding.span.end)}`);
}
