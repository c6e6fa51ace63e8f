using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// Get-ContainerStack: docker stack ls, each stack with its services. A stack is the value of the namespace label on
    /// services, whoever deployed them. A name without a wildcard that matches no stack is StackNotFound; a wildcard that
    /// matches none is not an error.
    /// </summary>
    public sealed class GetContainerStackCommand
    {
        /// <summary>Stack names, or wildcards on them; none for every stack.</summary>
        public IReadOnlyList<string>? Name { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            List<ContainerStack> stacks = await StackReading.ListAsync(engine, cancellationToken);
            if (Name == null || Name.Count == 0)
            {
                stacks.ForEach(output.WriteObject);
                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in Name)
            {
                // Names are matched as docker matches labels: exactly, case and all.
                bool wildcard = Wildcard.ContainsWildcard(name);
                var pattern = new Wildcard(name);
                List<ContainerStack> matched = stacks.Where(stack => wildcard ? pattern.IsMatch(stack.Name) : stack.Name == name).ToList();
                if (matched.Count == 0 && !wildcard)
                {
                    output.WriteError(StackErrors.Classify(StackErrors.NotFound(name, engine), name));
                }

                foreach (ContainerStack stack in matched.Where(stack => written.Add(stack.Name)))
                {
                    output.WriteObject(stack);
                }
            }
        }
    }
}
