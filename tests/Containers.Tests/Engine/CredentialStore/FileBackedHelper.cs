namespace Containers.Tests.Engine.CredentialStore
{
    /// <summary>
    /// A real credential helper for tests: a shell script speaking docker's credential-helper protocol (action as the
    /// argument, server URL or store JSON on stdin, "credentials not found in native keychain" when it has nothing),
    /// keeping one file per server URL in a folder of its own and logging every call it gets.
    /// </summary>
    public sealed class FileBackedHelper
    {
        private const string Script = @"#!/bin/sh
store='STORE'
input=$(cat)
key() { printf '%s' ""$1"" | sha256sum | cut -d' ' -f1; }
field() { sed -n ""s/.*\""$1\"":\""\([^\""]*\)\"".*/\1/p""; }
case ""$1"" in
  store)
    url=$(printf '%s' ""$input"" | field ServerURL)
    echo ""store $url"" >> ""$store.calls""
    if [ -z ""$url"" ]; then echo 'no credentials server URL'; exit 1; fi
    printf '%s' ""$input"" > ""$store/$(key ""$url"")"" ;;
  get|erase)
    echo ""$1 $input"" >> ""$store.calls""
    f=""$store/$(key ""$input"")""
    if [ ! -f ""$f"" ]; then echo 'credentials not found in native keychain'; exit 1; fi
    if [ ""$1"" = get ]; then cat ""$f""; else rm -f ""$f""; fi ;;
  list)
    echo list >> ""$store.calls""
    printf '{'; sep=''
    for f in ""$store""/*; do
      [ -f ""$f"" ] || continue
      printf '%s""%s"":""%s""' ""$sep"" ""$(field ServerURL < ""$f"")"" ""$(field Username < ""$f"")""; sep=','
    done
    printf '}' ;;
  *) echo ""unknown action: $1""; exit 1 ;;
esac
";

        public FileBackedHelper(CredentialSandbox sandbox, string name)
        {
            Name = name;
            StoreDirectory = Path.Combine(sandbox.Root, "helper-store-" + name);
            Directory.CreateDirectory(StoreDirectory);
            ProgramPath = sandbox.AddHelper(name, Script.Replace("STORE", StoreDirectory));
        }

        public string Name { get; }

        public string ProgramPath { get; }

        /// <summary>The folder of what it stores: one file per server, holding the JSON it was given.</summary>
        public string StoreDirectory { get; }

        /// <summary>Every call so far: "get URL", "store URL", "erase URL", "list".</summary>
        public IReadOnlyList<string> Calls =>
            File.Exists(StoreDirectory + ".calls") ? File.ReadAllLines(StoreDirectory + ".calls").ToList() : new List<string>();

        /// <summary>What it holds, as the JSON docker sent to <c>store</c>.</summary>
        public IReadOnlyList<string> StoredJson => Directory.GetFiles(StoreDirectory).Select(File.ReadAllText).ToList();
    }
}
