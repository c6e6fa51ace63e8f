using System.Collections;
using System.Globalization;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Secrets
{
    /// <summary>
    /// New-ContainerSecret and New-ContainerConfig: docker secret create / config create, from a value or the bytes of a
    /// file (binary allowed). Everything is checked before anything is sent (a missing file, content empty or beyond the
    /// swarm's 500 KB), so a bad input leaves nothing made; the content's bytes are cleared once sent. No message names
    /// the content.
    /// </summary>
    public abstract class NewSwarmDataCommand<T>
        where T : SwarmData
    {
        private readonly SwarmDataKind<T> _kind;

        private protected NewSwarmDataCommand(SwarmDataKind<T> kind)
        {
            _kind = kind;
        }

        public string Name { get; set; } = string.Empty;

        /// <summary>A file whose bytes are the content (a full path: the cmdlet resolves it); null when the value is given.</summary>
        public string? Path { get; set; }

        public IDictionary? Label { get; set; }

        /// <summary>Whether the content was given as a value (else <see cref="Path"/> is read).</summary>
        protected abstract bool HasValue { get; }

        /// <summary>The value's bytes, in a new array the caller clears.</summary>
        protected abstract byte[] ValueBytes();

        /// <summary>What a kind adds to the spec beyond name, labels and content (a secret's driver).</summary>
        private protected virtual void Complete(SwarmDataSpec spec)
        {
        }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                throw new InvalidParameterException("Name", Name, $"A {_kind.Noun} needs a name.");
            }

            if (HasValue == (Path != null))
            {
                throw new InvalidParameterException("Value", null, $"Give the {_kind.Noun}'s content as -Value or as -Path: one of the two.");
            }

            if (Path != null)
            {
                var file = new FileInfo(Path);
                if (!file.Exists)
                {
                    output.WriteError(new CommandError("FileNotFound", ErrorKind.ObjectNotFound,
                        $"The file '{Path}' does not exist{(Directory.Exists(Path) ? " (it is a folder)" : string.Empty)}; no {_kind.Noun} was created.", Path));
                    return;
                }

                CheckSize(file.Length, "Path", Path, $"The file '{Path}'");
            }

            var spec = new SwarmDataSpec { Name = Name, Labels = LabelConverter.ToLabels(Label) };
            Complete(spec);
            if (!output.ShouldProcess(_kind.Targets.Describe(Name, engine), "Create"))
            {
                return;
            }

            string id;
            spec.Data = Path != null ? File.ReadAllBytes(Path) : ValueBytes();
            try
            {
                // The file may have changed since it was measured; a value is measured only now, out of its SecureString.
                CheckSize(spec.Data.Length, Path != null ? "Path" : "Value", Path, Path != null ? $"The file '{Path}'" : "The value");
                id = await _kind.Endpoint(engine).CreateAsync(spec, cancellationToken);
            }
            catch (EngineException e) when (ErrorClassifier.IsPerTarget(e))
            {
                // The engine's answer is about this name (taken, refused off a swarm manager); it never holds the content.
                output.WriteError(ErrorClassifier.Classify(e, Name, _kind.Resource));
                return;
            }
            finally
            {
                Array.Clear(spec.Data, 0, spec.Data.Length);
                spec.Data = null;
            }

            output.WriteVerbose($"Created {_kind.Noun} {Name} ({id}).");
            output.WriteObject(_kind.Convert(await _kind.Endpoint(engine).InspectAsync(id, cancellationToken), engine));
        }

        // swarmkit takes 1 to MaxDataSize - 1 bytes ("must be larger than 0 and less than 512000 bytes").
        private void CheckSize(long size, string parameterName, string? value, string what)
        {
            if (size == 0)
            {
                throw new InvalidParameterException(parameterName, value, $"{what} is empty; a {_kind.Noun} holds 1 to {Limit} bytes. No {_kind.Noun} was created.");
            }

            if (size > SwarmDataSpec.MaxDataSize - 1)
            {
                throw new InvalidParameterException(parameterName, value,
                    $"{what} is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes; a swarm keeps at most {Limit} bytes (under 500 KB) in a {_kind.Noun}. No {_kind.Noun} was created.");
            }
        }

        private static string Limit => (SwarmDataSpec.MaxDataSize - 1).ToString("N0", CultureInfo.InvariantCulture);
    }
}
