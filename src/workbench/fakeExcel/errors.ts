// Errors shaped like OfficeExtension.Error: the adapter and its tests branch on `code`, so the codes and the moment
// they surface (a rejected `context.sync()`, or a throwing property read) follow the real Office.js.

export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidObjectPath"
  | "ApiNotFound"
  | "NotImplemented"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  /** Like OfficeExtension.Error.debugInfo: the code, the message and where in the batch it happened. */
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    // OfficeExtension.Error is named "RichApi.Error"; code that logs `e.name` sees the same.
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function isFakeOfficeError(e: unknown): e is FakeOfficeError {
  return e instanceof FakeOfficeError;
}

/** Thrown synchronously by a property getter, as Office.js does, when the property was not loaded and synced. */
export function propertyNotLoaded(property: string, typeName: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method ` +
      `on the containing object (${typeName}) and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

export function invalidArgument(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message, location);
}

export function invalidOperation(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError("InvalidOperation", message, location);
}

export function itemNotFound(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", message, location);
}
