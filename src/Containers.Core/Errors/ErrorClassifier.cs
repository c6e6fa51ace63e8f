using Containers.Engine.CredentialStore;
using Containers.Engine.Errors;
using Containers.Engine.Registries;
using Containers.Output;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Errors
{
    /// <summary>
    /// The one place where an exception becomes what a PowerShell user sees: a stable error id, the right category, and
    /// a message that says what to do. Ids name the resource ("ContainerNotFound") so scripts can match on them.
    /// </summary>
    public static class ErrorClassifier
    {
        /// <summary>
        /// Errors about one input (a missing container, a conflict, a bad value) are reported and the command goes on;
        /// errors about the engine itself (unreachable, no common API version) stop the command.
        /// </summary>
        public static bool IsPerTarget(Exception exception) =>
            exception is InvalidParameterException
            || (exception is EngineException
                && !(exception is EngineConnectionException)
                && !(exception is EngineTimeoutException)
                && !(exception is EngineApiVersionException)
                && !(exception is NotAnEngineException))
            // A registry's answer is about the repository or login asked for; the next one may be on another registry.
            || exception is RegistryException
            // A host store answer is about one host.
            || exception is HostStoreException
            // So is what a host's driver reports.
            || exception is HostDriverException
            || exception is HostDriverNotAvailableException
            || exception is ProvisioningStepException
            // An SSH connection reaches one host.
            || exception is SshException;

        private const string RegistryUnreachableAdvice = "Check the registry's name and port, and that it answers over HTTPS (plain HTTP is used only for a registry on this machine).";

        private const string LoginAdvice = "Log in to the registry with Connect-ContainerRegistry (or docker login); Invoke-ImagePull, Invoke-ImagePush and Get-ContainerRegistryTag also take -Credential.";

        /// <param name="resource">
        /// What the command acts on ("Container", "Image"), for the error ids the engine's answer leaves open: a 404
        /// without a known kind, a 409.
        /// </param>
        public static CommandError Classify(Exception exception, object? target, string resource = "Container")
        {
            switch (exception)
            {
                case InvalidParameterException invalid:
                    return new CommandError("Invalid" + invalid.ParamName, ErrorKind.InvalidArgument, invalid.Reason, invalid.Value ?? target, invalid);

                case CertificateNotFoundException certificate:
                    return new CommandError("CertificateNotFound", ErrorKind.ObjectNotFound, certificate.Message, certificate.Thumbprint, certificate,
                        "List the certificates with: Get-ChildItem Cert:\\CurrentUser\\My, Cert:\\LocalMachine\\My");

                case EngineException swarm when SwarmErrors.TryClassify(swarm, target, out CommandError? swarmError):
                    // The engine's swarm refusals (not in a swarm, not a manager, a stale version...), told apart by their words.
                    return swarmError!;

                case EngineNotFoundException lostSandbox when lostSandbox.ResourceKind == EngineResourceKind.NetworkSandbox:
                    // The container is there; the engine lost track of its network namespace. dockerd 20.10 does so for a
                    // container without networks (no bridge) that was stopped and started: it keeps the old sandbox id,
                    // and renaming the container while it runs fails on it (the engine undoes the rename).
                    return new CommandError("NetworkSandboxNotFound", ErrorKind.ObjectNotFound, lostSandbox.Message, target, lostSandbox,
                        "The engine looks the sandbox up only while the container runs: stop the container, rename it, then start it again.");

                case EngineNotFoundException notFound:
                    string kind = notFound.ResourceKind == EngineResourceKind.Unknown ? resource : notFound.ResourceKind.ToString();
                    return new CommandError(kind + "NotFound", ErrorKind.ObjectNotFound, notFound.Message, target, notFound);

                case EngineConflictException conflict when resource == "Image" || ImageConflict.IsImageRemovalRefusal(conflict.Message):
                    // Checked before the container case: these messages mention running and stopped containers, and
                    // the advice for those (start it, stop it) does not apply to an image.
                    ImageConflictReason reason = ImageConflict.Read(conflict.Message);
                    return new CommandError(
                        ImageConflict.IsInUse(reason) ? "ImageInUse" : "ImageConflict",
                        ErrorKind.ResourceExists,
                        conflict.Message,
                        target,
                        conflict,
                        ImageConflict.Advice(reason));

                case EngineConflictException conflict:
                    bool exists = conflict.Message.IndexOf("already in use", StringComparison.OrdinalIgnoreCase) >= 0
                        || conflict.Message.IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0;
                    // "is not running" (exec in, pause or kill a stopped container) is the opposite case of "is running"
                    // (remove a running one): the first wants the container started, the second stopped or -Force.
                    bool notRunning = conflict.Message.IndexOf("not running", StringComparison.OrdinalIgnoreCase) >= 0;
                    bool running = !notRunning && conflict.Message.IndexOf("running", StringComparison.OrdinalIgnoreCase) >= 0;
                    string? advice = exists ? null : running ? "Stop the container first, or use -Force." : notRunning ? "Start the container first." : null;
                    return new CommandError(
                        resource + (exists ? "NameInUse" : "Conflict"),
                        exists ? ErrorKind.ResourceExists : running ? ErrorKind.ResourceBusy : ErrorKind.InvalidOperation,
                        resource == "Container" ? ContainerConflictMessage.NameTarget(conflict.Message, target) : conflict.Message,
                        target,
                        conflict,
                        advice);

                case EngineBadRequestException bad:
                    return new CommandError("EngineRejectedRequest", ErrorKind.InvalidArgument, bad.Message, target, bad);

                case EngineAuthenticationException registryRefusal when RegistryAuthFailure.Matches(registryRefusal.Message):
                    // The engine relays the registry's refusal of a pull, push or base-image pull, in the registry's words.
                    return new CommandError("RegistryAuthenticationFailed", ErrorKind.AuthenticationError, registryRefusal.Message, target, registryRefusal, LoginAdvice);

                case EngineAuthenticationException auth:
                    return new CommandError("EngineAuthenticationFailed", ErrorKind.AuthenticationError, auth.Message, target, auth);

                case EngineApiVersionException version:
                    return new CommandError("EngineApiVersionUnsupported", ErrorKind.NotImplemented, version.Message, target, version,
                        "Upgrade the Docker engine, or remove DOCKER_API_VERSION if it is set.");

                case EngineConnectionException connection:
                    return new CommandError("EngineUnreachable", ErrorKind.ConnectionError, connection.Message, target, connection,
                        "Check that the Docker engine is running and that -Engine, DOCKER_HOST or the docker context point at it.");

                case NotAnEngineException notAnEngine:
                    // Another server at the engine's address: its 404 page is no ContainerNotFound, its 200 no engine.
                    return new CommandError("NotAnEngine", ErrorKind.ConnectionError, notAnEngine.Message, target, notAnEngine,
                        "Point -Engine, DOCKER_HOST or the docker context at the Docker engine's socket or port.");

                case EngineTimeoutException timeout:
                    return new CommandError("EngineTimeout", ErrorKind.OperationTimeout, timeout.Message, target, timeout);

                case EngineStreamException buildStep when buildStep.Code.HasValue:
                    // Only a failing build step reports a code: the exit code of its command, kept on the exception.
                    return new CommandError("ImageBuildStepFailed", ErrorKind.InvalidResult, buildStep.Message, target, buildStep);

                case EngineException relayed when RegistryConnectionFailure.Matches(relayed.Message):
                    // The engine could not reach the registry of a pull or push: a 500 (or a push stream's error) in Go's words.
                    return new CommandError("RegistryUnreachable", ErrorKind.ConnectionError, relayed.Message, target, relayed, RegistryUnreachableAdvice);

                case EngineStreamException stream:
                    return new CommandError("EngineStreamError", ErrorKind.InvalidResult, stream.Message, target, stream);

                case EngineException outOfSequence when outOfSequence.Message.IndexOf("update out of sequence", StringComparison.OrdinalIgnoreCase) >= 0:
                    // A swarm object (service, node, swarm) changed between the read and the update that sent its version.
                    return new CommandError("SwarmUpdateConflict", ErrorKind.InvalidOperation, outOfSequence.Message, target, outOfSequence,
                        "Someone else changed it since it was read: read it again and repeat the change.");

                case EngineServerException notManager when notManager.Message.IndexOf("not a swarm manager", StringComparison.OrdinalIgnoreCase) >= 0
                    || notManager.Message.IndexOf("not part of a swarm", StringComparison.OrdinalIgnoreCase) >= 0:
                    return new CommandError("SwarmNotManager", ErrorKind.InvalidOperation, notManager.Message, target, notManager,
                        "Services, tasks and nodes are managed on a swarm manager: point -Engine at one, or make this engine one (Initialize-ContainerSwarm, Join-ContainerSwarm).");

                case EngineServerException server:
                    ErrorKind serverKind = (int?)server.StatusCode == 501 ? ErrorKind.NotImplemented
                        : (int?)server.StatusCode == 503 ? ErrorKind.ResourceUnavailable : ErrorKind.InvalidOperation;
                    return new CommandError("EngineError", serverKind, server.Message, target, server);

                case EngineException engine:
                    return new CommandError("EngineError", ErrorKind.InvalidOperation, engine.Message, target, engine);

                case RegistryCredentialsRejectedException rejected:
                    return new CommandError("RegistryCredentialsRejected", ErrorKind.AuthenticationError, rejected.Message, target, rejected,
                        "Check the user name and password (or token), then log in again with Connect-ContainerRegistry.");

                case RegistryLoginRequiredException loginRequired:
                    return new CommandError("RegistryLoginRequired", ErrorKind.AuthenticationError, loginRequired.Message, target, loginRequired, LoginAdvice);

                case RegistryUnreachableException unreachable:
                    return new CommandError("RegistryUnreachable", ErrorKind.ConnectionError, unreachable.Message, target, unreachable, RegistryUnreachableAdvice);

                case RegistryRepositoryNotFoundException noRepository:
                    return new CommandError("RegistryRepositoryNotFound", ErrorKind.ObjectNotFound, noRepository.Message, target, noRepository);

                case RegistryException registry:
                    return new CommandError("RegistryError", ErrorKind.ProtocolError, registry.Message, target, registry);

                case CredentialHelperException helper:
                    switch (helper.Failure)
                    {
                        case CredentialHelperFailure.NotInstalled:
                            return new CommandError("CredentialHelperNotFound", ErrorKind.ObjectNotFound, helper.Message, target, helper,
                                "Install docker-credential-" + helper.HelperName + ", or change credsStore or credHelpers in the docker configuration file.");
                        case CredentialHelperFailure.TimedOut:
                            return new CommandError("CredentialHelperTimeout", ErrorKind.OperationTimeout, helper.Message, target, helper);
                        default:
                            return new CommandError("CredentialHelperFailed", ErrorKind.InvalidResult, helper.Message, target, helper);
                    }

                case CredentialStoreException store:
                    return new CommandError("CredentialStoreError", ErrorKind.InvalidData, store.Message, target, store);

                case ConfirmationUnavailableException unanswered:
                    // A prompt nobody could answer (pwsh -NonInteractive): nothing was done, and the way not to be asked is known.
                    return new CommandError("ConfirmationRequired", ErrorKind.InvalidOperation, "Nothing was done: " + unanswered.Message, target, unanswered,
                        "Add -Confirm:$false (or -Force, where the command has it) to go ahead without being asked, or -WhatIf to see what would be done.");

                case TimeoutException timedOut:
                    return new CommandError("OperationTimeout", ErrorKind.OperationTimeout, timedOut.Message, target, timedOut);

                case OperationCanceledException cancelled:
                    // Not the user's Ctrl+C (the cmdlet base turns that into a stopped pipeline): something gave up waiting.
                    return new CommandError("OperationCanceled", ErrorKind.OperationStopped, cancelled.Message, target, cancelled);

                case HostStoreException hostStore:
                    return hostStore.Failure switch
                    {
                        HostStoreFailure.NameInvalid => new CommandError("ContainerHostNameInvalid", ErrorKind.InvalidArgument, hostStore.Message, target, hostStore),
                        HostStoreFailure.NameInUse => new CommandError("ContainerHostNameInUse", ErrorKind.ResourceExists, hostStore.Message, target, hostStore),
                        HostStoreFailure.NotFound => new CommandError("ContainerHostNotFound", ErrorKind.ObjectNotFound, hostStore.Message, target, hostStore,
                            "List the hosts with Get-ContainerHost."),
                        _ => new CommandError("ContainerHostStoreUnusable", ErrorKind.InvalidData, hostStore.Message, target, hostStore),
                    };

                case ProvisioningStepException step:
                    // The step's own error decides the category (a name taken meanwhile, an unreachable engine...).
                    CommandError cause = Classify(step.InnerException!, target, resource);
                    return new CommandError("ContainerHostCreationFailed", cause.Kind == ErrorKind.NotSpecified ? ErrorKind.InvalidResult : cause.Kind, step.Message, target, step,
                        step.UndoFailures.Count > 0 ? "Remove what is listed as left behind, then run New-ContainerHost again." : "Fix the cause named in the message, then run New-ContainerHost again.");

                case Provisioning.AzureTokens.AzureLibrariesUnavailableException azure:
                    return new CommandError("AzureLibrariesNotAvailable", ErrorKind.NotImplemented, azure.Message, target, azure);

                case HostDriverNotAvailableException driver:
                    return new CommandError("ContainerHostDriverNotAvailable", ErrorKind.NotImplemented, driver.Message, target, driver);

                case HostDriverException driverFailure:
                    return new CommandError("ContainerHostDriverFailed", ErrorKind.InvalidOperation, driverFailure.Message, target, driverFailure);

                case SshException ssh:
                    return SshErrors.Classify(ssh, target);

                case Engine.Configuration.EngineConfigurationException configuration:
                    return new CommandError("EngineConfigurationInvalid", ErrorKind.InvalidArgument, configuration.Message, target, configuration);

                case ArgumentException argument:
                    return new CommandError("InvalidArgument", ErrorKind.InvalidArgument, argument.Message, target, argument);

                default:
                    return new CommandError("UnexpectedError", ErrorKind.NotSpecified, exception.Message, target, exception);
            }
        }
    }
}
