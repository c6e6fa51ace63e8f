using System.Net;
using Containers.Engine.CredentialStore;
using Containers.Engine.Errors;
using Containers.Engine.Registries;
using Containers.Errors;
using Containers.Output;
using Xunit;

namespace Containers.Tests.Core.Errors
{
    /// <summary>Registry, credential-store and in-stream errors as PowerShell users see them: stable ids, the right category.</summary>
    public class RegistryErrorClassificationTests
    {
        public static TheoryData<System.Exception, string, ErrorKind> Cases => new TheoryData<System.Exception, string, ErrorKind>
        {
            { new RegistryCredentialsRejectedException("refused", "r", HttpStatusCode.Unauthorized), "RegistryCredentialsRejected", ErrorKind.AuthenticationError },
            { new RegistryLoginRequiredException("login", "r", HttpStatusCode.Unauthorized), "RegistryLoginRequired", ErrorKind.AuthenticationError },
            { new RegistryUnreachableException("down", "r"), "RegistryUnreachable", ErrorKind.ConnectionError },
            { new RegistryRepositoryNotFoundException("none", "r", "team/app"), "RegistryRepositoryNotFound", ErrorKind.ObjectNotFound },
            { new RegistryException("odd", "r"), "RegistryError", ErrorKind.ProtocolError },
            { new CredentialHelperException("missing", "pass", CredentialHelperFailure.NotInstalled, null), "CredentialHelperNotFound", ErrorKind.ObjectNotFound },
            { new CredentialHelperException("slow", "pass", CredentialHelperFailure.TimedOut, null), "CredentialHelperTimeout", ErrorKind.OperationTimeout },
            { new CredentialHelperException("broke", "pass", CredentialHelperFailure.Failed, null), "CredentialHelperFailed", ErrorKind.InvalidResult },
            { new CredentialStoreException("bad json", "/x/config.json"), "CredentialStoreError", ErrorKind.InvalidData },
            { new EngineAuthenticationException("unauthorized: authentication required", null), "RegistryAuthenticationFailed", ErrorKind.AuthenticationError },
            { new EngineAuthenticationException("Get \"http://r/v2/\": no basic auth credentials", HttpStatusCode.InternalServerError), "RegistryAuthenticationFailed", ErrorKind.AuthenticationError },
            { new EngineAuthenticationException("forbidden by the authorization plugin", HttpStatusCode.Forbidden), "EngineAuthenticationFailed", ErrorKind.AuthenticationError },
            { new EngineStreamException("The command '/bin/sh -c exit 7' returned a non-zero code: 7", 7), "ImageBuildStepFailed", ErrorKind.InvalidResult },
            { new EngineStreamException("COPY failed: no source files were specified"), "EngineStreamError", ErrorKind.InvalidResult },
            // The engine could not reach the registry of a pull (a 500) or a push (in its stream), in Go's words.
            { new EngineServerException("Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused", HttpStatusCode.InternalServerError), "RegistryUnreachable", ErrorKind.ConnectionError },
            { new EngineServerException("Get \"https://upper/v2/\": dial tcp: lookup upper on 127.0.0.53:53: no such host", HttpStatusCode.InternalServerError), "RegistryUnreachable", ErrorKind.ConnectionError },
            { new EngineServerException("Get \"https://10.255.255.1/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)", HttpStatusCode.InternalServerError), "RegistryUnreachable", ErrorKind.ConnectionError },
            { new EngineStreamException("Get \"https://registry.example.com/v2/\": dial tcp 203.0.113.9:443: i/o timeout"), "RegistryUnreachable", ErrorKind.ConnectionError },
            // The engine's own failures that mention no registry call stay the engine's.
            { new EngineServerException("dial unix /run/containerd/containerd.sock: connect: connection refused", HttpStatusCode.InternalServerError), "EngineError", ErrorKind.InvalidOperation },
            { new Containers.Output.ConfirmationUnavailableException("Remove on 'x' needs a confirmation, and the PowerShell host 'ConsoleHost' cannot prompt (...)", new System.InvalidOperationException("no prompt")), "ConfirmationRequired", ErrorKind.InvalidOperation },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Each_gets_its_id_and_category(System.Exception exception, string errorId, ErrorKind kind)
        {
            CommandError error = ErrorClassifier.Classify(exception, "target");
            Assert.Equal((errorId, kind, (object)"target"), (error.ErrorId, error.Kind, error.Target));
            Assert.Same(exception, error.Exception);
        }

        [Fact]
        public void Registry_errors_are_about_one_target_and_a_broken_store_stops_the_command()
        {
            Assert.True(ErrorClassifier.IsPerTarget(new RegistryUnreachableException("down", "r")));
            Assert.True(ErrorClassifier.IsPerTarget(new RegistryCredentialsRejectedException("refused", "r", HttpStatusCode.Unauthorized)));
            Assert.False(ErrorClassifier.IsPerTarget(new CredentialStoreException("bad json", null)));
        }

        [Fact]
        public void Login_refusals_say_how_to_log_in()
        {
            Assert.Contains("Connect-ContainerRegistry", ErrorClassifier.Classify(new RegistryLoginRequiredException("login", "r", HttpStatusCode.Unauthorized), null).RecommendedAction);
            Assert.Contains("Connect-ContainerRegistry", ErrorClassifier.Classify(new EngineAuthenticationException("unauthorized: x", null), null).RecommendedAction);
        }
    }
}
