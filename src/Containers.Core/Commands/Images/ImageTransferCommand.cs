using Containers.Engine.Credentials;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// What Invoke-ImagePull and Invoke-ImagePush share: one transfer per name between the engine and a registry, with
    /// the login given or stored for it, each failing on its own (its error reported, the next name still moved), each
    /// returning the image as the engine has it afterwards.
    /// </summary>
    public abstract class ImageTransferCommand
    {
        /// <summary>The login to send instead of the stored one, to every registry named.</summary>
        public RegistryCredential? Credential { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> names, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string name in names)
            {
                try
                {
                    ContainerImage? moved = await TransferAsync(engine, name, output, cancellationToken);
                    if (moved != null)
                    {
                        output.WriteObject(moved);
                    }
                }
                catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                {
                    output.WriteError(ErrorClassifier.Classify(e, name, ImageTargets.Resource));
                }
            }
        }

        /// <returns>The image afterwards, or null when ShouldProcess said no.</returns>
        protected abstract Task<ContainerImage?> TransferAsync(ContainerEngine engine, string name, ICommandOutput output, CancellationToken cancellationToken);
    }
}
