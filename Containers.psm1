<#
    The module's root: the cmdlets come from Containers.dll (NestedModules in the manifest); this file adds the
    class-based DSC resources, which PowerShell can only find in a script module that is the RootModule
    (PSDesiredStateConfiguration 2.x, Azure Machine Configuration, the DSC v3 PowerShell adapter and Windows
    PowerShell 5.1's LCM all read the classes from here). Windows PowerShell 5.1 syntax only: no ternary, no ??, no &&.

    The classes are thin: each asks the module's own cmdlets for the actual state, compares only what the configuration
    specifies, and acts with the cmdlets, so errors are the cmdlets' ErrorRecords (stable ids such as VolumeInUse,
    NetworkInUse, EngineUnreachable) thrown as terminating errors (-ErrorAction Stop) for the LCM to report. No class
    names a type of Containers.dll: the file is parsed before the binary is loaded in some hosts.
#>

enum Ensure {
    Present
    Absent
}

# -Engine for the cmdlets: nothing when the configuration names no engine, so the default resolution applies
# (DOCKER_HOST, DOCKER_CONTEXT, the docker CLI's current context, the platform's socket or pipe).
function Get-DscEngineParameter([string] $Engine) {
    if ([string]::IsNullOrEmpty($Engine)) { return @{} }
    return @{ Engine = $Engine }
}

# A dictionary of the module's objects (ReadableDictionary) as the hashtable a DSC property holds.
function ConvertTo-DscHashtable($Dictionary) {
    $table = @{}
    if ($null -ne $Dictionary) {
        foreach ($key in $Dictionary.Keys) { $table[[string]$key] = [string]$Dictionary[$key] }
    }
    return $table
}

# The entries of a specified hashtable that the actual one lacks or holds with another value, each said in a sentence
# (empty: nothing differs). Only the specified keys count: extra labels or options the engine added are left alone.
# -HideValue names the key only, for values that may be secrets (a container's environment).
function Compare-DscHashtable([hashtable] $Specified, $Actual, [string] $What, [switch] $HideValue) {
    $differences = @()
    if ($null -eq $Specified) { return $differences }
    foreach ($key in $Specified.Keys) {
        $has = ($null -ne $Actual) -and $Actual.ContainsKey([string]$key)
        if ($has -and [string]$Actual[[string]$key] -ceq [string]$Specified[$key]) { continue }
        if ($HideValue) {
            $differences += "$What $key $(if ($has) { 'has another value' } else { 'is not set' })"
        }
        else {
            $differences += "$What $key is '$(if ($has) { $Actual[[string]$key] } else { '(none)' })', not '$($Specified[$key])'"
        }
    }
    return $differences
}

# A terminating error with one of the module's ids, for what a resource refuses before any cmdlet would.
function New-DscErrorRecord([string] $Id, [System.Management.Automation.ErrorCategory] $Category, [string] $Message, $Target) {
    return [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new($Message), $Id, $Category, $Target)
}

# The one "Test" of every resource: Ensure first, then the differences the resource listed for Present.
function Test-DscState([string] $Resource, [string] $Name, [string] $Wanted, [string] $Actual, [string[]] $Differences) {
    if ($Wanted -ne $Actual) {
        Write-Verbose "$Resource '$Name' is $Actual, should be $Wanted."
        return $false
    }
    if ($Wanted -eq 'Present' -and $Differences.Count -gt 0) {
        foreach ($difference in $Differences) { Write-Verbose "$Resource '$Name': $difference." }
        return $false
    }
    Write-Verbose "$Resource '$Name' is in the desired state ($Wanted)."
    return $true
}

# The one "Set" of what the engine cannot change in place (volumes, networks): removed when Absent is wanted, made when
# missing, and when present but different, removed and made again. $RemoveObject refuses, with the module's *InUse error,
# while containers use the object, so nothing is half done. The script blocks run in the caller's scope chain (they see
# its $this and variables), so no parameter here may share a name with them.
function Invoke-DscRecreation([string] $Resource, [string] $Name, [string] $Wanted, [string] $Actual, [string[]] $Differences,
    [scriptblock] $RemoveObject, [scriptblock] $MakeObject) {
    if ($Wanted -eq 'Absent') {
        if ($Actual -eq 'Present') {
            Write-Verbose "Removing $Resource '$Name'."
            & $RemoveObject
        }
        return
    }
    if ($Actual -eq 'Present') {
        if ($Differences.Count -eq 0) { return }
        foreach ($difference in $Differences) { Write-Verbose "$Resource '$Name': $difference." }
        Write-Verbose "Recreating $Resource '$Name': removing it."
        & $RemoveObject
    }
    Write-Verbose "Creating $Resource '$Name'."
    & $MakeObject
}

# Each class declares its own Ensure and Engine rather than inheriting them: the DSC v3 adapter reads a resource's
# [DscProperty] members from its own class in this file's syntax tree, and older LCMs do not follow base classes.
[DscResource()]
class ContainerVolume {
    [DscProperty(Key)]
    [string] $Name

    [DscProperty()]
    [Ensure] $Ensure = [Ensure]::Present

    # An engine URI, docker context or host-store name; empty: the default resolution.
    [DscProperty()]
    [string] $Engine

    [DscProperty()]
    [string] $Driver

    [DscProperty()]
    [hashtable] $DriverOption

    [DscProperty()]
    [hashtable] $Label

    # When the engine created the volume, which a recreation changes.
    [DscProperty(NotConfigurable)]
    [datetime] $Created

    hidden [object] Find() {
        $engineParameter = Get-DscEngineParameter $this.Engine
        return Get-ContainerVolume -Filter @{ name = $this.Name } @engineParameter -ErrorAction Stop | Where-Object Name -ceq $this.Name
    }

    [ContainerVolume] Get() {
        $actual = $this.Find()
        $state = [ContainerVolume]::new()
        $state.Name = $this.Name
        $state.Engine = $this.Engine
        $state.Ensure = [Ensure]::Absent
        if ($null -ne $actual) {
            $state.Ensure = [Ensure]::Present
            $state.Driver = $actual.Driver
            $state.DriverOption = ConvertTo-DscHashtable $actual.Options
            $state.Label = ConvertTo-DscHashtable $actual.Labels
            $state.Created = $actual.Created
        }
        return $state
    }

    # What differs in the properties the configuration specifies; every one of them is fixed when a volume is made.
    hidden [string[]] Differences([ContainerVolume] $actual) {
        $differences = @()
        if ($this.Driver -and $this.Driver -ne $actual.Driver) { $differences += "driver is '$($actual.Driver)', not '$($this.Driver)'" }
        $differences += @(Compare-DscHashtable $this.DriverOption $actual.DriverOption 'driver option')
        $differences += @(Compare-DscHashtable $this.Label $actual.Label 'label')
        return $differences
    }

    [bool] Test() {
        $actual = $this.Get()
        return Test-DscState 'volume' $this.Name $this.Ensure $actual.Ensure $this.Differences($actual)
    }

    [void] Set() {
        $actual = $this.Get()
        $engineParameter = Get-DscEngineParameter $this.Engine
        $create = @{ Name = $this.Name }
        if ($this.Driver) { $create.Driver = $this.Driver }
        if ($this.DriverOption) { $create.Option = $this.DriverOption }
        if ($this.Label) { $create.Label = $this.Label }
        # Made again, which empties it, and only while no container (even a stopped one) uses it: Remove-ContainerVolume
        # refuses with VolumeInUse otherwise, and the volume stays as it was.
        Invoke-DscRecreation 'volume' $this.Name $this.Ensure $actual.Ensure $this.Differences($actual) {
            Remove-ContainerVolume -Name $this.Name @engineParameter -Confirm:$false -ErrorAction Stop
        } {
            $null = New-ContainerVolume @create @engineParameter -ErrorAction Stop
        }
    }
}

[DscResource()]
class ContainerNetwork {
    [DscProperty(Key)]
    [string] $Name

    [DscProperty()]
    [Ensure] $Ensure = [Ensure]::Present

    # An engine URI, docker context or host-store name; empty: the default resolution.
    [DscProperty()]
    [string] $Engine

    [DscProperty()]
    [string] $Driver

    # One IPv4 or IPv6 subnet in CIDR form (10.231.1.0/24).
    [DscProperty()]
    [string] $Subnet

    [DscProperty()]
    [string] $Gateway

    # Unset: not compared; $true or $false: compared.
    [DscProperty()]
    [Nullable[bool]] $Internal

    [DscProperty()]
    [hashtable] $Label

    [DscProperty(NotConfigurable)]
    [string] $Id

    hidden [object] Find() {
        $engineParameter = Get-DscEngineParameter $this.Engine
        return Get-ContainerNetwork -Filter @{ name = $this.Name } @engineParameter -ErrorAction Stop | Where-Object Name -ceq $this.Name
    }

    # The engine removes a network that only created (never started) containers name, which would leave them pointing
    # at a network that is gone: any container naming it, in any state, makes the network in use here.
    hidden [void] RefuseWhileUsed() {
        $engineParameter = Get-DscEngineParameter $this.Engine
        $users = @(Get-Container -All -Filter @{ network = $this.Name } @engineParameter -ErrorAction Stop)
        if ($users.Count -gt 0) {
            throw (New-DscErrorRecord 'NetworkInUse' ResourceBusy ("Cannot remove network '$($this.Name)': containers use it (" + (($users | ForEach-Object Name) -join ', ') + '). Remove them or disconnect them first.') $this.Name)
        }
    }

    [ContainerNetwork] Get() {
        $actual = $this.Find()
        $state = [ContainerNetwork]::new()
        $state.Name = $this.Name
        $state.Engine = $this.Engine
        $state.Ensure = [Ensure]::Absent
        if ($null -ne $actual) {
            $state.Ensure = [Ensure]::Present
            $state.Id = $actual.Id
            $state.Driver = $actual.Driver
            $state.Subnet = @($actual.Subnet)[0]
            $state.Gateway = @($actual.Gateway)[0]
            $state.Internal = $actual.Internal
            $state.Label = ConvertTo-DscHashtable $actual.Labels
        }
        return $state
    }

    # What differs in the properties the configuration specifies; the engine changes none of them in place.
    hidden [string[]] Differences([ContainerNetwork] $actual) {
        $differences = @()
        if ($this.Driver -and $this.Driver -ne $actual.Driver) { $differences += "driver is '$($actual.Driver)', not '$($this.Driver)'" }
        if ($this.Subnet -and $this.Subnet -ne $actual.Subnet) { $differences += "subnet is '$($actual.Subnet)', not '$($this.Subnet)'" }
        if ($this.Gateway -and $this.Gateway -ne $actual.Gateway) { $differences += "gateway is '$($actual.Gateway)', not '$($this.Gateway)'" }
        if ($null -ne $this.Internal -and $this.Internal -ne $actual.Internal) { $differences += "internal is $($actual.Internal), not $($this.Internal)" }
        $differences += @(Compare-DscHashtable $this.Label $actual.Label 'label')
        return $differences
    }

    [bool] Test() {
        $actual = $this.Get()
        return Test-DscState 'network' $this.Name $this.Ensure $actual.Ensure $this.Differences($actual)
    }

    [void] Set() {
        $actual = $this.Get()
        $engineParameter = Get-DscEngineParameter $this.Engine
        $create = @{ Name = $this.Name }
        if ($this.Driver) { $create.Driver = $this.Driver }
        if ($this.Subnet) { $create.Subnet = $this.Subnet }
        if ($this.Gateway) { $create.Gateway = $this.Gateway }
        if ($this.Internal) { $create.Internal = $true }
        if ($this.Label) { $create.Label = $this.Label }
        # Made again only while no container names it (NetworkInUse otherwise, the network unchanged).
        Invoke-DscRecreation 'network' $this.Name $this.Ensure $actual.Ensure $this.Differences($actual) {
            $this.RefuseWhileUsed()
            Remove-ContainerNetwork -Name $this.Name @engineParameter -Confirm:$false -ErrorAction Stop
        } {
            $null = New-ContainerNetwork @create @engineParameter -ErrorAction Stop
        }
    }
}

[DscResource()]
class ContainerImage {
    # repository:tag, or repository@sha256:digest.
    [DscProperty(Key)]
    [string] $Name

    [DscProperty()]
    [Ensure] $Ensure = [Ensure]::Present

    # An engine URI, docker context or host-store name; empty: the default resolution.
    [DscProperty()]
    [string] $Engine

    [DscProperty(NotConfigurable)]
    [string] $Id

    [ContainerImage] Get() {
        $engineParameter = Get-DscEngineParameter $this.Engine
        $actual = $null
        try {
            $actual = Get-ContainerImageDetail -Name $this.Name @engineParameter -ErrorAction Stop
        }
        catch {
            if ($_.FullyQualifiedErrorId -notlike 'ImageNotFound*') { throw }
        }
        $state = [ContainerImage]::new()
        $state.Name = $this.Name
        $state.Engine = $this.Engine
        $state.Ensure = [Ensure]::Absent
        if ($null -ne $actual) {
            $state.Ensure = [Ensure]::Present
            $state.Id = $actual.Id
        }
        return $state
    }

    [bool] Test() {
        return Test-DscState 'image' $this.Name $this.Ensure $this.Get().Ensure @()
    }

    [void] Set() {
        $actual = $this.Get()
        $engineParameter = Get-DscEngineParameter $this.Engine
        if ($this.Ensure -eq $actual.Ensure) { return }
        if ($this.Ensure -eq [Ensure]::Present) {
            # The stored login for the image's registry (Connect-ContainerRegistry, ContainerRegistryLogin) applies.
            Write-Verbose "Pulling image '$($this.Name)'."
            $null = Invoke-ImagePull -Name $this.Name @engineParameter -ErrorAction Stop
        }
        else {
            # No -Force: an image a container uses is refused (ImageInUse) rather than untagged from under it.
            Write-Verbose "Removing image '$($this.Name)'."
            Remove-ContainerImage -Name $this.Name @engineParameter -Confirm:$false -ErrorAction Stop
        }
    }
}

[DscResource()]
class ContainerRegistryLogin {
    # The registry's host (and port), as Connect-ContainerRegistry takes it.
    [DscProperty(Key)]
    [string] $Registry

    [DscProperty()]
    [Ensure] $Ensure = [Ensure]::Present

    # The engine that checks the login; empty: the default resolution. The login itself is stored where the docker
    # CLI keeps it, for every engine.
    [DscProperty()]
    [string] $Engine

    [DscProperty()]
    [pscredential] $Credential

    # The user name of the stored login.
    [DscProperty(NotConfigurable)]
    [string] $UserName

    [ContainerRegistryLogin] Get() {
        $actual = $null
        try {
            $actual = Get-ContainerRegistry -Registry $this.Registry -ErrorAction Stop | Select-Object -First 1
        }
        catch {
            if ($_.FullyQualifiedErrorId -notlike 'RegistryLoginNotFound*') { throw }
        }
        $state = [ContainerRegistryLogin]::new()
        $state.Registry = $this.Registry
        $state.Engine = $this.Engine
        $state.Ensure = [Ensure]::Absent
        if ($null -ne $actual) {
            $state.Ensure = [Ensure]::Present
            $state.UserName = $actual.UserName
        }
        return $state
    }

    # Only the user name is compared: the stored secret may sit in a credential helper, and checking a password means
    # a round trip to the registry at every Test.
    hidden [string[]] Differences([ContainerRegistryLogin] $actual) {
        $differences = @()
        if ($null -ne $this.Credential -and $this.Credential.UserName -cne $actual.UserName) {
            $differences += "the stored user is '$($actual.UserName)', not '$($this.Credential.UserName)'"
        }
        return $differences
    }

    [bool] Test() {
        $actual = $this.Get()
        return Test-DscState 'registry login' $this.Registry $this.Ensure $actual.Ensure $this.Differences($actual)
    }

    [void] Set() {
        $actual = $this.Get()
        $engineParameter = Get-DscEngineParameter $this.Engine
        if ($this.Ensure -eq [Ensure]::Absent) {
            if ($actual.Ensure -eq [Ensure]::Present) {
                Write-Verbose "Removing the stored login for '$($this.Registry)'."
                Disconnect-ContainerRegistry -Registry $this.Registry -Confirm:$false -ErrorAction Stop
            }
            return
        }
        if ($actual.Ensure -eq [Ensure]::Present -and $this.Differences($actual).Count -eq 0) { return }
        if ($null -eq $this.Credential) {
            throw [System.Management.Automation.ErrorRecord]::new(
                [System.ArgumentException]::new("A login for '$($this.Registry)' needs a Credential."),
                'InvalidCredential', [System.Management.Automation.ErrorCategory]::InvalidArgument, $this.Registry)
        }
        Write-Verbose "Logging in to '$($this.Registry)' as '$($this.Credential.UserName)'."
        $null = Connect-ContainerRegistry -Registry $this.Registry -Credential $this.Credential @engineParameter -Confirm:$false -ErrorAction Stop
    }
}

# The create request New-Container would send for a Container resource's properties, made by the module's own parser
# (Containers.Core's ContainerRequestBuilder, which New-Container uses): the resource reads Port, Volume, Memory, ...
# exactly as the cmdlet does, and compares the engine's own shapes. A bad value is the cmdlet's error (InvalidPort,
# InvalidMemory, ...) with its category, thrown before anything is touched. The types are looked up when this runs,
# not when the file is parsed (see the top of the file).
function Get-DscContainerRequest([hashtable] $Options) {
    $containerOptions = New-Object -TypeName 'Containers.Parsing.ContainerOptions' -Property $Options
    # Relative host paths ('./src:/src') from the current location, as the cmdlet resolves them.
    $containerOptions.ResolveHostPath = [Func[string, string]] { param($path) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($path) }
    try {
        return ('Containers.Parsing.ContainerRequestBuilder' -as [type])::Build($containerOptions)
    }
    catch {
        $exception = $_.Exception
        if ($exception -is [System.Management.Automation.MethodInvocationException]) { $exception = $exception.InnerException }
        # The classification the cmdlets report with (ErrorRecords.From in Containers.dll does the same with it).
        $classified = ('Containers.Errors.ErrorClassifier' -as [type])::Classify($exception, $null, 'Container')
        $record = [System.Management.Automation.ErrorRecord]::new($classified.Exception, $classified.ErrorId,
            [System.Management.Automation.ErrorCategory] $classified.Kind.ToString(), $classified.Target)
        $record.ErrorDetails = [System.Management.Automation.ErrorDetails]::new($classified.Message)
        throw $record
    }
}

# Two lists with the same items in the same order. A missing list is an empty one, and so is [''] (how the engine
# keeps an entrypoint cleared with an empty list): joined with NUL, which no argument holds, all three read ''.
function Test-DscSameList($Specified, $Actual) {
    return (@($Specified) -join [char]0) -ceq (@($Actual) -join [char]0)
}

# A list as a Verbose message shows it: [sh, -c, exit 0].
function Format-DscList($List) {
    return '[' + (@($List) -join ', ') + ']'
}

# The engine's NAME=value entries as a hashtable (a name without '=' has the value '').
function ConvertFrom-DscEnvironment($Entries) {
    $table = @{}
    foreach ($entry in @($Entries)) {
        if ($null -eq $entry) { continue }
        $name, $value = ([string]$entry).Split([char[]]'=', 2)
        $table[$name] = [string]$value
    }
    return $table
}

# A container's port bindings (HostConfig.PortBindings: '80/tcp' to HostIp and HostPort) in New-Container's -Port
# syntax, sorted: '127.0.0.1:8080:80', '8080:80', '53/udp'. Both sides of a comparison go through it, so '' and a
# missing host address read the same.
function ConvertTo-DscPortSpec($PortBindings) {
    $specs = @()
    if ($null -eq $PortBindings) { return $specs }
    foreach ($key in $PortBindings.Keys) {
        $containerPort, $protocol = ([string]$key).Split([char[]]'/', 2)
        $inside = if ($protocol -and $protocol -ne 'tcp') { "$containerPort/$protocol" } else { $containerPort }
        foreach ($binding in @($PortBindings[$key])) {
            $hostIp = if ($null -ne $binding) { [string]$binding.HostIp } else { '' }
            $hostPort = if ($null -ne $binding) { [string]$binding.HostPort } else { '' }
            if ($hostIp.Contains(':')) { $hostIp = "[$hostIp]" }
            $specs += if ($hostIp) { "${hostIp}:${hostPort}:$inside" } elseif ($hostPort) { "${hostPort}:$inside" } else { $inside }
        }
    }
    return @($specs | Sort-Object)
}

# A restart policy as --restart writes it: no, always, unless-stopped, on-failure or on-failure:N.
function Format-DscRestartPolicy($Policy) {
    if ($null -eq $Policy -or -not $Policy.Name) { return 'no' }
    if ($Policy.Name -eq 'on-failure' -and $Policy.MaximumRetryCount -gt 0) { return "on-failure:$($Policy.MaximumRetryCount)" }
    return $Policy.Name
}

[DscResource()]
class Container {
    [DscProperty(Key)]
    [string] $Name

    [DscProperty()]
    [Ensure] $Ensure = [Ensure]::Present

    # An engine URI, docker context or host-store name; empty: the default resolution.
    [DscProperty()]
    [string] $Engine

    # repository:tag (pulled when the engine lacks it, as New-Container does) or an image id. Compared by the image id
    # the name resolves to on the engine: a tag pulled again to another image recreates the container.
    [DscProperty()]
    [string] $Image

    # Running or Stopped; empty: not compared, and a container Set makes is started.
    [DscProperty()]
    [ValidateSet('Running', 'Stopped')]
    [string] $State

    [DscProperty()]
    [string[]] $Command

    # An empty list clears the image's entrypoint.
    [DscProperty()]
    [string[]] $Entrypoint

    # Only the variables given are compared: the image adds its own (PATH).
    [DscProperty()]
    [hashtable] $Environment

    # As New-Container -Port takes them: '8080:80', '127.0.0.1:8080:80/udp', '80'.
    [DscProperty()]
    [string[]] $Port

    # As New-Container -Volume takes them: 'data:/var/lib/data', '/srv/site:/usr/share/nginx/html:ro', '/cache'.
    [DscProperty()]
    [string[]] $Volume

    [DscProperty()]
    [string] $Network

    # no, always, unless-stopped, on-failure or on-failure:N; changed in place.
    [DscProperty()]
    [string] $RestartPolicy

    [DscProperty()]
    [hashtable] $Label

    # As New-Container -Memory takes it: bytes (512MB in a configuration) or '512m'; changed in place.
    [DscProperty()]
    [string] $Memory

    # How many CPUs the container may use (1.5); changed in place.
    [DscProperty()]
    [Nullable[double]] $Cpu

    # The engine's id of the container, which a recreation changes.
    [DscProperty(NotConfigurable)]
    [string] $Id

    # The container as Get-ContainerDetail reports it, or $null.
    hidden [object] Find() {
        $engineParameter = Get-DscEngineParameter $this.Engine
        $found = Get-Container -All -Filter @{ name = $this.Name } @engineParameter -ErrorAction Stop | Where-Object Name -ceq $this.Name
        if ($null -eq $found) { return $null }
        return Get-ContainerDetail -Container $found -ErrorAction Stop
    }

    # The cmdlets' own terminating errors (ThrowTerminatingError: a bad parameter, an image the registry lacks, an
    # unreachable engine) end only the statement that called them; thrown again here, they end the caller's script as
    # well, with the same ErrorRecord, as a resource's error must for the LCM and the adapter.
    [Container] Get() {
        try { return $this.Read() } catch { throw $_ }
    }

    [bool] Test() {
        try { return $this.Compare() } catch { throw $_ }
    }

    [void] Set() {
        try { $this.Apply() } catch { throw $_ }
    }

    hidden [Container] Read() {
        $actual = $this.Find()
        $report = [Container]::new()
        $report.Name = $this.Name
        $report.Engine = $this.Engine
        $report.Ensure = [Ensure]::Absent
        if ($null -ne $actual) {
            $report.Ensure = [Ensure]::Present
            $report.Id = $actual.Id
            $report.Image = $actual.Image
            $report.State = [Container]::StateOf($actual)
            $report.Command = @($actual.Config.Cmd | Where-Object { $null -ne $_ })
            $report.Entrypoint = @($actual.Config.Entrypoint | Where-Object { $null -ne $_ })
            $report.Environment = ConvertFrom-DscEnvironment $actual.Environment
            $report.Port = ConvertTo-DscPortSpec $actual.HostConfig.PortBindings
            $report.Volume = @($actual.HostConfig.Binds | Where-Object { $null -ne $_ }) + [Container]::AnonymousVolumes($actual.Config.Volumes, $actual.HostConfig.Binds)
            $report.Network = $actual.HostConfig.NetworkMode
            $report.RestartPolicy = Format-DscRestartPolicy $actual.HostConfig.RestartPolicy
            $report.Label = ConvertTo-DscHashtable $actual.Labels
            if ($actual.HostConfig.Memory -gt 0) { $report.Memory = [string]$actual.HostConfig.Memory }
            if ($actual.HostConfig.NanoCpus -gt 0) { $report.Cpu = $actual.HostConfig.NanoCpus / 1e9 }
        }
        return $report
    }

    # Running for a container whose process is there (paused and restarting included), else Stopped.
    hidden static [string] StateOf($detail) {
        if ($detail.State -in 'running', 'paused', 'restarting') { return 'Running' }
        return 'Stopped'
    }

    # The targets of the volumes a container has without a bind (anonymous ones, and the image's VOLUMEs). A bind is
    # SOURCE:TARGET[:MODE], and SOURCE may hold ':' itself (C:\src), so a target is matched at the end or before a mode.
    hidden static [string[]] AnonymousVolumes($Volumes, $Binds) {
        if ($null -eq $Volumes) { return @() }
        $bindList = @($Binds | Where-Object { $null -ne $_ })
        return @($Volumes.Keys | Where-Object {
                $target = $_
                -not ($bindList | Where-Object { $_.EndsWith(":$target") -or $_.Contains(":${target}:") })
            } | Sort-Object)
    }

    # New-Container's parameters for the properties given (the image: the one given, else $image).
    hidden [hashtable] CreateParameters([string] $image) {
        $parameters = @{ Image = $image }
        if ($this.Image) { $parameters.Image = $this.Image }
        foreach ($property in 'Command', 'Entrypoint', 'Environment', 'Port', 'Volume', 'Network', 'RestartPolicy', 'Label', 'Memory', 'Cpu') {
            # An empty list is given (an empty Entrypoint clears the image's); an empty string is not.
            $value = $this.$property
            if ($null -ne $value -and -not ($value -is [string] -and $value -eq '')) { $parameters[$property] = $value }
        }
        return $parameters
    }

    # The create request of the properties given, as New-Container's parser makes it; a bad value throws its error.
    # The image is compared by id (Differences): the parser gets the container's own when the configuration names none.
    hidden [object] Request([string] $image) {
        $creation = $this.CreateParameters($image)
        $creation.Image = $image
        return Get-DscContainerRequest $creation
    }

    # What differs from the container, by how Set repairs it: Recreate (what a container keeps from its creation),
    # Update (what Update-Container changes in place), State. Only what the configuration specifies is compared, in the
    # shapes New-Container's parser makes of it.
    hidden [hashtable] Differences($actual) {
        $request = $this.Request($actual.Image)
        $recreate = @()
        $update = @()
        $stateDifference = @()

        if ($this.Image) {
            $engineParameter = Get-DscEngineParameter $this.Engine
            $imageId = $null
            try {
                $imageId = (Get-ContainerImageDetail -Name $this.Image @engineParameter -ErrorAction Stop).Id
            }
            catch {
                if ($_.FullyQualifiedErrorId -notlike 'ImageNotFound*') { throw }
            }
            if ($null -eq $imageId) { $recreate += "image '$($this.Image)' is not on the engine (the container runs $($actual.ImageId))" }
            elseif ($imageId -ne $actual.ImageId) { $recreate += "image '$($this.Image)' is $imageId, the container runs $($actual.ImageId)" }
        }
        if ($null -ne $this.Command -and -not (Test-DscSameList $request.Cmd $actual.Config.Cmd)) {
            $recreate += "command is $(Format-DscList $actual.Config.Cmd), not $(Format-DscList $request.Cmd)"
        }
        if ($null -ne $this.Entrypoint -and -not (Test-DscSameList $request.Entrypoint $actual.Config.Entrypoint)) {
            $recreate += "entrypoint is $(Format-DscList $actual.Config.Entrypoint), not $(Format-DscList $request.Entrypoint)"
        }
        # Values unsaid: environment variables often hold secrets.
        $recreate += @(Compare-DscHashtable (ConvertFrom-DscEnvironment $request.Env) (ConvertFrom-DscEnvironment $actual.Environment) 'environment variable' -HideValue)
        if ($null -ne $this.Port) {
            $wanted = ConvertTo-DscPortSpec $request.HostConfig.PortBindings
            $has = ConvertTo-DscPortSpec $actual.HostConfig.PortBindings
            if (-not (Test-DscSameList $wanted $has)) { $recreate += "ports are $(Format-DscList $has), not $(Format-DscList $wanted)" }
        }
        if ($null -ne $this.Volume) {
            # Binds exactly; anonymous volumes present (the image may declare more of its own).
            $wanted = @(@($request.HostConfig.Binds) | Where-Object { $null -ne $_ } | Sort-Object)
            $has = @(@($actual.HostConfig.Binds) | Where-Object { $null -ne $_ } | Sort-Object)
            if (-not (Test-DscSameList $wanted $has)) { $recreate += "volumes bound are $(Format-DscList $has), not $(Format-DscList $wanted)" }
            $anonymous = [Container]::AnonymousVolumes($actual.Config.Volumes, $actual.HostConfig.Binds)
            foreach ($target in @(if ($null -ne $request.Volumes) { $request.Volumes.Keys })) {
                if ($anonymous -notcontains $target) { $recreate += "volume $target is missing" }
            }
        }
        if ($this.Network -and $request.HostConfig.NetworkMode -cne $actual.HostConfig.NetworkMode) {
            $recreate += "network is '$($actual.HostConfig.NetworkMode)', not '$($request.HostConfig.NetworkMode)'"
        }
        $recreate += @(Compare-DscHashtable (ConvertTo-DscHashtable $request.Labels) (ConvertTo-DscHashtable $actual.Labels) 'label')

        if ($this.RestartPolicy) {
            $wanted = Format-DscRestartPolicy $request.HostConfig.RestartPolicy
            $has = Format-DscRestartPolicy $actual.HostConfig.RestartPolicy
            if ($wanted -ne $has) { $update += "restart policy is '$has', not '$wanted'" }
        }
        if ($this.Memory -and [long]$request.HostConfig.Memory -ne [long]$actual.HostConfig.Memory) {
            $update += "memory limit is $([long]$actual.HostConfig.Memory) bytes, not $($request.HostConfig.Memory)"
        }
        if ($null -ne $this.Cpu -and [long]$request.HostConfig.NanoCpus -ne [long]$actual.HostConfig.NanoCpus) {
            $update += "CPU limit is $([long]$actual.HostConfig.NanoCpus / 1e9), not $($request.HostConfig.NanoCpus / 1e9)"
        }

        $actualState = [Container]::StateOf($actual)
        if ($this.State -and $this.State -ne $actualState) { $stateDifference += "state is $actualState, not $($this.State)" }
        return @{ Recreate = $recreate; Update = $update; State = $stateDifference }
    }

    hidden [bool] Compare() {
        $actual = $this.Find()
        $differences = @()
        if ($null -ne $actual -and $this.Ensure -eq [Ensure]::Present) {
            $found = $this.Differences($actual)
            $differences = $found.Recreate + $found.Update + $found.State
        }
        elseif ($this.Ensure -eq [Ensure]::Present -and $this.Image) {
            # Nothing to compare with, but a bad value is reported at Test already, as the LCM calls it first.
            $null = $this.Request($this.Image)
        }
        return Test-DscState 'container' $this.Name $this.Ensure $(if ($null -ne $actual) { 'Present' } else { 'Absent' }) $differences
    }

    hidden [void] Apply() {
        $actual = $this.Find()
        $engineParameter = Get-DscEngineParameter $this.Engine
        if ($this.Ensure -eq [Ensure]::Absent) {
            if ($null -ne $actual) { $this.Remove($actual) }
            return
        }
        if ($null -eq $actual) {
            if (-not $this.Image) {
                throw (New-DscErrorRecord 'InvalidImage' InvalidArgument "Container '$($this.Name)' does not exist, and making it needs an Image." $this.Name)
            }
            Write-Verbose "Creating container '$($this.Name)' from image '$($this.Image)'."
            $create = $this.CreateParameters($this.Image)
            $made = New-Container -Name $this.Name @create @engineParameter -Confirm:$false -ErrorAction Stop
            if ($this.State -ne 'Stopped') { $this.Start($made) }
            return
        }

        $differences = $this.Differences($actual)
        foreach ($difference in $differences.Recreate + $differences.Update + $differences.State) {
            Write-Verbose "container '$($this.Name)': $difference."
        }
        if ($differences.Recreate.Count -gt 0) {
            # Running afterwards as asked, or as the old one was when State is not given.
            $running = $this.State -eq 'Running' -or (-not $this.State -and [Container]::StateOf($actual) -eq 'Running')
            $this.Recreate($actual, $running)
            return
        }
        if ($differences.Update.Count -gt 0) {
            $this.Update($actual)
        }
        if ($differences.State.Count -gt 0) {
            if ($this.State -eq 'Running') { $this.Start($actual) }
            else { $this.Stop($actual) }
        }
        if ($differences.Update.Count + $differences.State.Count -eq 0) {
            Write-Verbose "Container '$($this.Name)' is in the desired state: nothing to do."
        }
    }

    hidden [void] Start($container) {
        Write-Verbose "Starting container '$($this.Name)'."
        Start-Container -Container $container -Confirm:$false -ErrorAction Stop
    }

    hidden [void] Stop($container) {
        Write-Verbose "Stopping container '$($this.Name)'."
        Stop-Container -Container $container -Confirm:$false -ErrorAction Stop
    }

    # Stopped first (its stop signal and timeout, not a kill), then removed; its named volumes stay.
    hidden [void] Remove($container) {
        if ([Container]::StateOf($container) -eq 'Running') { $this.Stop($container) }
        Write-Verbose "Removing container '$($this.Name)' ($($container.Id.Substring(0, 12)))."
        Remove-Container -Container $container -Confirm:$false -ErrorAction Stop
    }

    # The limits and restart policy given, in place: the same container, the same id.
    hidden [void] Update($container) {
        $parameters = @{}
        if ($this.RestartPolicy) { $parameters.RestartPolicy = $this.RestartPolicy }
        if ($this.Memory) {
            $parameters.Memory = $this.Memory
            # The engine gave a container made with a memory limit twice as much memory plus swap, and refuses a limit
            # above that: keep the proportion, as the container would have it if made with the new limit.
            $limit = (Get-DscContainerRequest @{ Image = $container.Image; Memory = $this.Memory }).HostConfig.Memory
            if ($container.HostConfig.MemorySwap -eq 2 * $container.HostConfig.Memory -and $limit -gt 0) { $parameters.MemorySwap = 2 * $limit }
        }
        if ($null -ne $this.Cpu) { $parameters.Cpu = $this.Cpu }
        Write-Verbose "Updating container '$($this.Name)' in place."
        Update-Container -Container $container @parameters -Confirm:$false -ErrorAction Stop
    }

    # The replacement is made first, under a temporary name, so a configuration New-Container refuses (or an image that
    # cannot be pulled) leaves the old container as it was; only then is the old one removed and the new one renamed.
    hidden [void] Recreate($container, [bool] $running) {
        $engineParameter = Get-DscEngineParameter $this.Engine
        $temporary = "$($this.Name)-dsc-" + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Write-Verbose "Recreating container '$($this.Name)': creating its replacement as '$temporary'."
        $create = $this.CreateParameters($container.Image)
        $made = New-Container -Name $temporary @create @engineParameter -Confirm:$false -ErrorAction Stop
        try {
            $this.Remove($container)
        }
        catch {
            # The old one is still there: take the replacement away and start the old one again if it was stopped for
            # this, so nothing changed.
            Remove-Container -Container $made -Force -Confirm:$false -ErrorAction SilentlyContinue
            if ([Container]::StateOf($container) -eq 'Running') { Start-Container -Container $container -Confirm:$false -ErrorAction SilentlyContinue }
            throw
        }
        Write-Verbose "Renaming '$temporary' to '$($this.Name)'."
        $renamed = Rename-Container -Container $made -NewName $this.Name -PassThru -Confirm:$false -ErrorAction Stop
        if ($running) { $this.Start($renamed) }
    }
}
