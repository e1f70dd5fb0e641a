package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shim in this package exists for five package-private types of zeebe-process-test-engine
 * (EmbeddedEngineAssembly's javadoc says why each). After a Camunda upgrade this says which one
 * changed: gone, no longer package-private (then the shim may leave this package), or built
 * differently than the shim builds it.
 */
class ZeebeShimTest {

  @ParameterizedTest(name = "{0} is still package-private in zeebe-process-test-engine")
  @ValueSource(strings = {"CommandWriter", "CommandSender", "InMemoryJobStreamer", "GrpcToLogStreamGateway", "GatewayRequestStore"})
  void theTypesTheShimNeedsAreStillPackagePrivate(final String simpleName) throws ClassNotFoundException {
    final Class<?> type = Class.forName(ZeebeShimTest.class.getPackageName() + "." + simpleName);
    assertThat(type.getProtectionDomain().getCodeSource().getLocation().getPath()).as("defined by the Camunda jar, not by us")
        .contains("zeebe-process-test-engine");
    assertThat(Modifier.isPublic(type.getModifiers())).as("%s became public: the shim can move out of this package", simpleName).isFalse();
  }

  @ParameterizedTest(name = "{0} is still built from a CommandWriter")
  @ValueSource(strings = {"CommandSender", "InMemoryJobStreamer"})
  void theSendersAreStillBuiltFromTheCommandWriter(final String simpleName) throws ClassNotFoundException {
    final Class<?> type = Class.forName(ZeebeShimTest.class.getPackageName() + "." + simpleName);
    assertThat(parameterLists(type)).contains(List.of(CommandWriter.class));
  }

  @Test
  void theCommandWriterIsStillBuiltFromALogStreamWriter() {
    assertThat(parameterLists(CommandWriter.class)).contains(List.of(LogStreamWriter.class));
  }

  private static List<List<Class<?>>> parameterLists(final Class<?> type) {
    return Arrays.stream(type.getDeclaredConstructors()).map(c -> List.<Class<?>>of(c.getParameterTypes())).toList();
  }
}
