import type { ErrorObject } from 'ajv';

export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export const validateKnowledgeBase: PrecompiledValidator;
export const validateKnowledgeBaseExtension: PrecompiledValidator;
