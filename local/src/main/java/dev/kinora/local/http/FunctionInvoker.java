package dev.kinora.local.http;

import dev.kinora.local.runtime.InvocationResult;

/** Invokes a function by logical id with a JSON event (the local Lambda Invoke API). */
@FunctionalInterface
public interface FunctionInvoker {
  InvocationResult invoke(String functionId, String eventJson);
}
