using System.Net;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
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
