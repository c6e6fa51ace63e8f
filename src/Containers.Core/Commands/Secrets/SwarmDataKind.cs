using Containers.Commands.Targets;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>
    /// Secrets or configs, for the commands both share (<see cref="GetSwarmDataCommand{T}"/>,
    /// <see cref="NewSwarmDataCommand{T}"/>, <see cref="RemoveSwarmDataCommand{T}"/>): the engine's endpoint, how an object
    /// reads for users, and its targets (a literal name, id or id prefix passes through to the manager, which resolves it;
    /// a wildcard matches names). <see cref="SwarmDataKinds"/> holds the two.
    /// </summary>
    public sealed class SwarmDataKind<T>
        where T : SwarmData
    {
        private readonly Func<ContainerEngine, SwarmDataEndpoint<T>> _endpoint;
        private readonly Func<T, ContainerEngine, ContainerSwarmData> _convert;

        /// <param name="noun">How one reads in messages and -WhatIf: "secret".</param>
        /// <param name="resource">For error ids: SecretNotFound, SecretInUse...</param>
        public SwarmDataKind(string noun, string resource, Func<ContainerEngine, SwarmDataEndpoint<T>> endpoint, Func<T, ContainerEngine, ContainerSwarmData> convert)
        {
            Noun = noun;
            Resource = resource;
            _endpoint = endpoint;
            _convert = convert;
            Targets = new TargetKind(noun, resource, TargetKind.ByName(async (engine, cancellationToken) =>
                (await endpoint(engine).ListAsync(null, cancellationToken)).Select(data => data.Spec.Name)));
        }

        public string Noun { get; }

        public string Resource { get; }

        public TargetKind Targets { get; }

        public SwarmDataEndpoint<T> Endpoint(ContainerEngine engine) => _endpoint(engine);

        public ContainerSwarmData Convert(T data, ContainerEngine engine) => _convert(data, engine);
    }
}
