using Containers.Commands.Services;
using Containers.Compose;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// Publish-ContainerStack: docker stack deploy -c FILE NAME. The files are read, translated
    /// (<see cref="StackTranslation"/>) and checked whole, external networks, secrets and configs looked up, before
    /// anything is made; then, as docker does: with <see cref="Prune"/> the stack's services no longer in the files are
    /// removed; the secrets, configs and networks missing are made (those that exist are used as they are); and each
    /// service is created, or updated with the version it has when its spec differs from the file's
    /// (<see cref="StackServiceComparison"/>), or left alone. Then it waits for the services it created or updated as
    /// New-ContainerService does, unless <see cref="NoWait"/>, and returns the stack.
    /// </summary>
    public sealed class PublishContainerStackCommand
    {
        /// <summary>The compose files, full paths, merged in order; empty: the default file names in <see cref="WorkingDirectory"/>.</summary>
        public IReadOnlyList<string> Path { get; set; } = Array.Empty<string>();

        public string Name { get; set; } = string.Empty;

        /// <summary>Variables for interpolation, on top of the process environment.</summary>
        public IReadOnlyDictionary<string, string>? Environment { get; set; }

        /// <summary>The active profiles (compose's --profile); COMPOSE_PROFILES in the environment when null.</summary>
        public IReadOnlyList<string>? Profile { get; set; }

        /// <summary>Where to look for the default files; the current directory when null.</summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>Remove the stack's services the files no longer have.</summary>
        public bool Prune { get; set; }

        /// <summary>The images' digest pinning and the login that goes with each service.</summary>
        public ServiceImage Image { get; set; } = new ServiceImage();

        public bool NoWait { get; set; }

        /// <summary>How long to wait for each changed service's tasks before a ServiceConvergenceTimeout error (the stack stays); null to wait until stopped.</summary>
        public TimeSpan? Timeout { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            StackName.Validate(Name);
            IReadOnlyDictionary<string, string>? variables = Variables();
            ComposeProject project = ComposeReader.Read(Path, new ComposeReadOptions
            {
                ProjectName = Name,
                Environment = variables,
                Profiles = Profile,
                WorkingDirectory = Path.Count == 0 ? WorkingDirectory : null,
            });
            StackPlan plan = StackTranslation.Translate(Name, project, variables);
            foreach (string warning in project.Warnings.Concat(plan.Warnings))
            {
                output.WriteWarning(warning);
            }

            // Only a manager takes a stack: asked first, an engine outside a swarm is that one error.
            await engine.Client.Swarm.InspectAsync(cancellationToken);
            Dictionary<string, NetworkResource> networks = Unique((await engine.Client.Networks.ListAsync(null, cancellationToken)).Where(network => network.Name != null), network => network.Name!);
            Dictionary<string, SwarmSecret> secrets = Unique(await engine.Client.Secrets.ListAsync(null, cancellationToken), secret => secret.Spec.Name);
            Dictionary<string, SwarmConfig> configs = Unique(await engine.Client.Configs.ListAsync(null, cancellationToken), config => config.Spec.Name);
            CheckExternal(plan, networks, secrets, configs);

            // The logins too, before anything is made: one that cannot be read is an error while nothing is half made.
            var registryAuths = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (string image in plan.Services.Select(service => service.Image).Distinct(StringComparer.Ordinal))
            {
                registryAuths[image] = await Image.RegistryAuthAsync(image, output, cancellationToken);
            }

            List<Service> existing = await StackReading.ServicesAsync(engine, Name, cancellationToken);

            // Declined (-WhatIf, or No to -Confirm): a network, secret or config not made keeps the services from being
            // deployed; anything declined keeps the stack from being written out as if deployed.
            bool declined = Prune && !await PruneAsync(engine, plan, existing, output, cancellationToken);
            var networkIds = networks.ToDictionary(pair => pair.Key, pair => pair.Value.Id, StringComparer.Ordinal);
            bool missing = !await CreateMissingAsync(engine, plan, networks, secrets, configs, networkIds, output, cancellationToken);

            var changed = new List<Deployed>();
            foreach (StackServicePlan service in plan.Services)
            {
                Service? current = existing.FirstOrDefault(candidate => candidate.Spec.Name == service.Name);
                if (missing)
                {
                    // What it needs was not made: say what would be done, and do nothing.
                    output.ShouldProcess(WhatIfTarget.On(engine, $"service '{service.Name}' from image '{service.Image}'"), current == null ? "Create" : "Update");
                    continue;
                }

                (bool approved, Deployed? deployed) = await DeployServiceAsync(engine, service, current, networkIds, registryAuths[service.Image], output, cancellationToken);
                declined |= !approved;
                if (deployed != null)
                {
                    changed.Add(deployed);
                }
            }

            if (!NoWait)
            {
                foreach (Deployed deployed in changed)
                {
                    deployed.Convergence.Timeout = Timeout;
                    CommandError? failed = await deployed.Convergence.WaitAsync(engine, deployed.Id, deployed.Name, output, cancellationToken);
                    if (failed != null)
                    {
                        output.WriteError(failed);
                    }
                }
            }

            if (!declined && !missing)
            {
                List<Service> deployed = await StackReading.ServicesAsync(engine, Name, cancellationToken);
                output.WriteObject(ContainerStack.FromServices(Name, deployed.Select(service => ContainerService.FromService(service, engine)), engine));
            }
        }

        // The stack's services the files no longer have; false when one was declined.
        private async Task<bool> PruneAsync(ContainerEngine engine, StackPlan plan, List<Service> existing, ICommandOutput output, CancellationToken cancellationToken)
        {
            bool approved = true;
            var wanted = new HashSet<string>(plan.Services.Select(service => service.Name), StringComparer.Ordinal);
            foreach (Service stale in existing.Where(service => !wanted.Contains(service.Spec.Name ?? string.Empty)))
            {
                if (!output.ShouldProcess(WhatIfTarget.On(engine, $"service '{stale.Spec.Name}' of stack '{Name}'"), "Remove"))
                {
                    approved = false;
                    continue;
                }

                await engine.Client.Services.RemoveAsync(stale.ID, cancellationToken);
                output.WriteVerbose($"Removed service {stale.Spec.Name}.");
            }

            return approved;
        }

        // The secrets, configs and networks the engine does not have yet (those it has are used as they are); false when
        // one was declined. A network made is added to networkIds.
        private static async Task<bool> CreateMissingAsync(
            ContainerEngine engine,
            StackPlan plan,
            Dictionary<string, NetworkResource> networks,
            Dictionary<string, SwarmSecret> secrets,
            Dictionary<string, SwarmConfig> configs,
            Dictionary<string, string> networkIds,
            ICommandOutput output,
            CancellationToken cancellationToken)
        {
            bool approved = true;
            foreach (StackObject<SwarmDataSpec> secret in plan.Secrets.Where(secret => !secret.External && !secrets.ContainsKey(secret.Name)))
            {
                approved &= await CreateAsync(engine, output, "secret", secret.Name, () => engine.Client.Secrets.CreateAsync(secret.Create!, cancellationToken));
            }

            foreach (StackObject<SwarmDataSpec> config in plan.Configs.Where(config => !config.External && !configs.ContainsKey(config.Name)))
            {
                approved &= await CreateAsync(engine, output, "config", config.Name, () => engine.Client.Configs.CreateAsync(config.Create!, cancellationToken));
            }

            foreach (StackObject<NetworkCreateRequest> network in plan.Networks.Where(network => !network.External && !networks.ContainsKey(network.Name)))
            {
                approved &= await CreateAsync(engine, output, "network", network.Name, async () => networkIds[network.Name] = (await engine.Client.Networks.CreateAsync(network.Create!, cancellationToken)).Id);
            }

            return approved;
        }

        // Creates the service, or updates it when its spec differs from the engine's, or leaves it; Approved is false when
        // that was declined, Deployed what to wait for.
        private async Task<(bool Approved, Deployed? Deployed)> DeployServiceAsync(
            ContainerEngine engine,
            StackServicePlan service,
            Service? current,
            Dictionary<string, string> networkIds,
            string? registryAuth,
            ICommandOutput output,
            CancellationToken cancellationToken)
        {
            ServiceSpec spec = service.Spec;
            foreach (NetworkAttachmentConfig attachment in spec.TaskTemplate.Networks ?? new List<NetworkAttachmentConfig>())
            {
                // The engine keeps a network by its id: sent so, the spec compares with the stored one.
                attachment.Target = networkIds.TryGetValue(attachment.Target!, out string? id) ? id : attachment.Target;
            }

            await ServiceFileReferences.ResolveAsync(engine, spec.TaskTemplate.ContainerSpec, cancellationToken);
            string? deployedImage = current?.Spec.Labels != null && current.Spec.Labels.TryGetValue(ContainerStackLabels.Image, out string? label) ? label : null;
            spec.TaskTemplate.ContainerSpec.Image = current != null && Image.Resolution != ServiceImageResolution.Always && deployedImage == service.Image
                // The image as written did not change: the digest it was pinned to stays (docker's --resolve-image changed).
                ? current.Spec.TaskTemplate.ContainerSpec.Image
                : await Image.ResolveAsync(engine, service.Image, changed: true, registryAuth, output, cancellationToken);

            if (current == null)
            {
                if (!output.ShouldProcess(WhatIfTarget.On(engine, $"service '{service.Name}' from image '{service.Image}'"), "Create"))
                {
                    return (false, null);
                }

                ServiceConvergence convergence = await ServiceConvergence.BeginAsync(engine, null, cancellationToken);
                ServiceCreateResponse created = await engine.Client.Services.CreateAsync(spec, registryAuth, cancellationToken);
                WriteWarnings(output, created.Warnings);
                output.WriteVerbose($"Created service {service.Name}.");
                return (true, new Deployed(created.ID, service.Name, convergence));
            }

            spec.TaskTemplate.ForceUpdate = current.Spec.TaskTemplate.ForceUpdate;
            IReadOnlyList<string> differences = StackServiceComparison.Differences(spec, current.Spec);
            if (differences.Count == 0)
            {
                output.WriteVerbose($"The service {service.Name} is as the file says; left as it is.");
                return (true, null);
            }

            if (!output.ShouldProcess(WhatIfTarget.On(engine, $"service '{service.Name}' ({string.Join(", ", differences)})"), "Update"))
            {
                return (false, null);
            }

            ServiceConvergence update = await ServiceConvergence.BeginAsync(engine, current, cancellationToken);
            ServiceUpdateResponse updated = await engine.Client.Services.UpdateAsync(current.ID, current.Version?.Index ?? 0, spec, false, registryAuth, cancellationToken);
            WriteWarnings(output, updated.Warnings);
            output.WriteVerbose($"Updated service {service.Name}: {string.Join(", ", differences)}.");
            return (true, new Deployed(current.ID, service.Name, update));
        }

        private IReadOnlyDictionary<string, string>? Variables()
        {
            if (Environment == null)
            {
                return null;
            }

            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            {
                variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
            }

            foreach (KeyValuePair<string, string> entry in Environment)
            {
                variables[entry.Key] = entry.Value;
            }

            return variables;
        }

        // An external network, secret or config must exist (a network in the swarm's scope), or nothing is made.
        private static void CheckExternal(StackPlan plan, Dictionary<string, NetworkResource> networks, Dictionary<string, SwarmSecret> secrets, Dictionary<string, SwarmConfig> configs)
        {
            foreach (StackObject<NetworkCreateRequest> network in plan.Networks.Where(network => network.External))
            {
                if (!networks.TryGetValue(network.Name, out NetworkResource? found))
                {
                    throw new EngineNotFoundException($"The network '{network.Name}' is declared external, but the engine has no network of that name; create it first (New-ContainerNetwork -Driver overlay). Nothing was deployed.", EngineResourceKind.Network, network.Name);
                }

                if (found.Scope != "swarm")
                {
                    throw new InvalidParameterException("Path", network.Name, $"The network '{network.Name}' is declared external, but it is a {found.Scope}-scoped network; a stack's services join swarm networks (overlay). Nothing was deployed.");
                }
            }

            foreach (StackObject<SwarmDataSpec> secret in plan.Secrets.Where(secret => secret.External && !secrets.ContainsKey(secret.Name)))
            {
                throw new EngineNotFoundException($"The secret '{secret.Name}' is declared external, but the swarm has no secret of that name; create it first (New-ContainerSecret). Nothing was deployed.", EngineResourceKind.Secret, secret.Name);
            }

            foreach (StackObject<SwarmDataSpec> config in plan.Configs.Where(config => config.External && !configs.ContainsKey(config.Name)))
            {
                throw new EngineNotFoundException($"The config '{config.Name}' is declared external, but the swarm has no config of that name; create it first (New-ContainerConfig). Nothing was deployed.", EngineResourceKind.Config, config.Name);
            }
        }

        // Makes one network, secret or config when ShouldProcess allows it; false when declined.
        private static async Task<bool> CreateAsync(ContainerEngine engine, ICommandOutput output, string kind, string name, Func<Task> create)
        {
            if (!output.ShouldProcess(WhatIfTarget.On(engine, $"{kind} '{name}'"), "Create"))
            {
                return false;
            }

            await create();
            output.WriteVerbose($"Created {kind} {name}.");
            return true;
        }

        private static void WriteWarnings(ICommandOutput output, List<string>? warnings)
        {
            foreach (string warning in warnings ?? new List<string>())
            {
                output.WriteWarning(warning);
            }
        }

        /// <summary>A service created or updated, with the wait for its tasks.</summary>
        private sealed class Deployed
        {
            public Deployed(string id, string name, ServiceConvergence convergence)
            {
                Id = id;
                Name = name;
                Convergence = convergence;
            }

            public string Id { get; }

            public string Name { get; }

            public ServiceConvergence Convergence { get; }
        }

        // Names the engine holds twice (networks may be) are looked up by their first holder.
        private static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> name)
        {
            var result = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (T item in items)
            {
                if (!result.ContainsKey(name(item)))
                {
                    result[name(item)] = item;
                }
            }

            return result;
        }
    }
}
