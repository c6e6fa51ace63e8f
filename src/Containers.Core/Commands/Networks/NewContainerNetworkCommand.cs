using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Networks
{
    /// <summary>
    /// New-ContainerNetwork: creates a network from a request checked whole before this runs, and returns it as the
    /// engine now shows it. A name in use is a NetworkNameInUse error (ResourceExists).
    /// </summary>
    public sealed class NewContainerNetworkCommand
    {
        public NewContainerNetworkCommand(NetworkCreateRequest request)
        {
            Request = request;
        }

        /// <summary>From the friendly parameters; a bad value throws an <see cref="InvalidParameterException"/> that names it.</summary>
        public static NewContainerNetworkCommand FromOptions(NetworkOptions options) => new NewContainerNetworkCommand(NetworkRequestBuilder.Build(options));

        public NetworkCreateRequest Request { get; }

        public async Task<ContainerNetwork?> ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (!output.ShouldProcess(NetworkTargets.Kind.Describe(Request.Name, engine), "Create"))
            {
                return null;
            }

            try
            {
                NetworkCreateResponse created = await engine.Client.Networks.CreateAsync(Request, cancellationToken);
                if (!string.IsNullOrWhiteSpace(created.Warning))
                {
                    output.WriteWarning(created.Warning!);
                }

                NetworkResource inspected = await engine.Client.Networks.InspectAsync(created.Id, cancellationToken);
                ContainerNetwork network = ContainerNetwork.FromResource(inspected, engine);
                output.WriteObject(network);
                return network;
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(NetworkErrors.Classify(e, Request.Name));
                return null;
            }
        }
    }
}
