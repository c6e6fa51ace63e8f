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
function Compare-DscHashtable([hashtable] $Specified, $Actual, [string] $What) {
    $differences = @()
    if ($null -eq $Specified) { return $differences }
    foreach ($key in $Specified.Keys) {
        $has = ($null -ne $Actual) -and $Actual.ContainsKey([string]$key)
        if (-not $has -or [string]$Actual[[string]$key] -cne [string]$Specified[$key]) {
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
