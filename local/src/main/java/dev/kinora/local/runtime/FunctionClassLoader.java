package dev.kinora.local.runtime;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One function's class loader, child-first like a Lambda execution environment: the function's own
 * code and dependencies win, so every function gets its own copy of statics (SDK clients, {@code
 * Config}). Only the Lambda runtime types ({@code com.amazonaws.services.lambda.runtime.*}:
 * Context, the event classes, serialization) come from the local cloud, so events built by the
 * local cloud are the very classes the handler expects. Anything else missing from the code is
 * missing, as on Lambda: there is no fallback to the local cloud's own classpath.
 */
public final class FunctionClassLoader extends URLClassLoader {
  static final String SHARED_PREFIX = "com.amazonaws.services.lambda.runtime.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader runtimeTypes;

  public FunctionClassLoader(String functionName, URL[] code, ClassLoader runtimeTypes) {
    super("function-" + functionName, code, ClassLoader.getPlatformClassLoader());
    this.runtimeTypes = runtimeTypes;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SHARED_PREFIX)) {
      return runtimeTypes.loadClass(name);
    }
    if (name.startsWith("java.")) {
      return getParent().loadClass(name);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        try {
          loaded = findClass(name);
        } catch (ClassNotFoundException notInCode) {
          loaded = getParent().loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    if (name.startsWith(SHARED_PREFIX.replace('.', '/'))) {
      return runtimeTypes.getResource(name);
    }
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Set<URL> all = new LinkedHashSet<>(Collections.list(findResources(name)));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }
}
