// The document is built once per module load: the registry does not change while it runs.
import { buildOpenApiDocument, type OpenApiDocument } from './build-document';

let built: OpenApiDocument | undefined;

export const openApiDocument = (): OpenApiDocument => {
  built ??= buildOpenApiDocument();
  return built;
};
