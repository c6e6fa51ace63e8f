#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The module's class-based DSC resources through the steps the DSC v3 PowerShell adapter takes (PSDesiredStateConfiguration
    and dsc are not installed here): import the module, take the class from the module's scope, read its [DscProperty]
    members from the root module file's syntax tree, create it with ::new(), set properties, call Get, Test and Set,
    against the private engine and registry.
#>

BeforeAll {
    $script:ownEngine = $null
    if (-not $env:CONTAINERS_TEST_REGISTRY) {
        . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
        $script:ownEngine = Start-TestEngine
    }
    $script:modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $script:modulePath -Force
    $script:image = if ($env:CONTAINERS_TEST_IMAGE) { $env:CONTAINERS_TEST_IMAGE } else { 'localhost/containers-test/busybox:latest' }
    $script:prefix = 'pester-dsc-' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    # A script block's verbose messages. A class method runs in the module's scope, whose parent is the global one: that
    # is where it finds $VerbosePreference (the session's, as the LCM and the adapter set it), not in this file's scopes.
    function Get-VerboseText([scriptblock] $ScriptBlock) {
        $saved = $global:VerbosePreference
        $global:VerbosePreference = 'Continue'
        try { (& $ScriptBlock 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n" }
        finally { $global:VerbosePreference = $saved }
    }

    # The adapter's steps: the module by its manifest, the class from inside the module (it is not visible outside).
    function New-DscResource([string] $Name, [hashtable] $Property) {
        $module = Import-Module $script:modulePath -PassThru
        $type = & $module { param($typeName) $typeName -as 'type' } $Name
        $resource = $type::new()
        foreach ($key in $Property.Keys) { $resource.$key = $Property[$key] }
        $resource
    }
}

AfterAll {
    Get-Container -All -Name "$script:prefix*" | Remove-Container -Force -Confirm:$false
    Get-ContainerNetwork -Name "$script:prefix*" | Remove-ContainerNetwork -Force -Confirm:$false
    Get-ContainerVolume -Name "$script:prefix*" | Remove-ContainerVolume -Force -Confirm:$false
    if ($script:ownEngine) { Stop-TestEngine -Process $script:ownEngine }
}

Describe 'DSC resources' {
    It 'are the classes the manifest lists, each with [DscResource()] and a key, Ensure and Engine' {
        $rootModule = Join-Path (Split-Path $script:modulePath) 'Containers.psm1'
        $tree = [System.Management.Automation.Language.Parser]::ParseFile($rootModule, [ref]$null, [ref]$null)
        $classes = $tree.FindAll({ param($node) $node -is [System.Management.Automation.Language.TypeDefinitionAst] -and
                ($node.Attributes | Where-Object { $_.TypeName.Name -eq 'DscResource' }) }, $false)
        ($classes.Name | Sort-Object) | Should -Be ((Import-PowerShellDataFile $script:modulePath).DscResourcesToExport | Sort-Object)

        foreach ($class in $classes) {
            $type = & (Import-Module $script:modulePath -PassThru) { param($typeName) $typeName -as 'type' } $class.Name
            $type.GetCustomAttributes([System.Management.Automation.DscResourceAttribute], $true) | Should -Not -BeNullOrEmpty
            $properties = $class.Members | Where-Object { $_ -is [System.Management.Automation.Language.PropertyMemberAst] -and
                ($_.Attributes | Where-Object { $_.TypeName.Name -eq 'DscProperty' }) }
            $keys = $properties | Where-Object {
                $_.Attributes | Where-Object { $_ -is [System.Management.Automation.Language.AttributeAst] -and
                    ($_.NamedArguments | Where-Object ArgumentName -eq 'Key') } }
            @($keys).Count | Should -Be 1 -Because $class.Name
            $properties.Name | Should -Contain 'Ensure'
            $properties.Name | Should -Contain 'Engine'
        }
    }

    It 'ContainerVolume: Test false, Set, Test true; a second Set keeps the volume; Get reports it; Absent removes it' {
        $volume = New-DscResource ContainerVolume @{ Name = "$script:prefix-data"; Label = @{ project = 'dsc' }; Engine = $env:DOCKER_HOST }
        $volume.Test() | Should -BeFalse
        Get-VerboseText { $volume.Set() } | Should -Match "Creating volume '$script:prefix-data'"
        $volume.Test() | Should -BeTrue
        $state = $volume.Get()
        $state.Ensure | Should -Be 'Present'
        $state.Driver | Should -Be 'local'
        $state.Label.project | Should -Be 'dsc'
        $volume.Set()
        $volume.Get().Created | Should -Be $state.Created

        $volume.Ensure = 'Absent'
        $volume.Test() | Should -BeFalse
        $volume.Set()
        $volume.Test() | Should -BeTrue
        Get-ContainerVolume -Name "$script:prefix-data*" | Should -BeNullOrEmpty
    }

    It 'ContainerVolume: a drifted label is made right by recreating an unused volume, and refused with VolumeInUse for a used one' {
        New-ContainerVolume -Name "$script:prefix-drift" -Label @{ project = 'old' } | Out-Null
        $volume = New-DscResource ContainerVolume @{ Name = "$script:prefix-drift"; Label = @{ project = 'new' } }
        Get-VerboseText { $volume.Test() } | Should -Match "label project is 'old', not 'new'"
        $volume.Set()
        (Get-ContainerVolume -Name "$script:prefix-drift").Labels['project'] | Should -Be 'new'

        New-Container -Image $script:image -Name "$script:prefix-user" -Volume "$script:prefix-drift:/data" -Command true | Out-Null
        $volume.Label = @{ project = 'newer' }
        { $volume.Set() } | Should -Throw -ErrorId 'VolumeInUse*'
        (Get-ContainerVolume -Name "$script:prefix-drift").Labels['project'] | Should -Be 'new'
    }

    It 'ContainerNetwork: Set makes it once (same id), and Get reports the subnet and internal flag' {
        $network = New-DscResource ContainerNetwork @{ Name = "$script:prefix-net"; Subnet = '10.232.9.0/24'; Internal = $true }
        $network.Test() | Should -BeFalse
        $network.Set()
        $id = $network.Get().Id
        $network.Test() | Should -BeTrue
        $network.Set()
        $state = $network.Get()
        $state.Id | Should -Be $id
        $state.Subnet | Should -Be '10.232.9.0/24'
        $state.Internal | Should -BeTrue
    }

    It 'Container: Set makes and starts it once (same id), repairs a stop, updates limits in place, recreates for a new environment, Absent removes it' {
        $serve = 'sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'
        $container = New-DscResource Container @{ Name = "$script:prefix-web"; Image = $script:image; Command = $serve
            Environment = @{ MODE = 'one' }; Memory = '64m'; RestartPolicy = 'no' }
        $container.Test() | Should -BeFalse
        Get-VerboseText { $container.Set() } | Should -Match "Creating container '$script:prefix-web'"
        $container.Test() | Should -BeTrue
        $state = $container.Get()
        $state.State | Should -Be 'Running'
        $state.Environment.MODE | Should -Be 'one'
        $state.Environment.Keys | Should -Contain 'PATH'
        $container.Set()
        $container.Get().Id | Should -Be $state.Id

        Stop-Container -Name "$script:prefix-web"
        $container.State = 'Running'
        Get-VerboseText { $container.Test() } | Should -Match 'state is Stopped, not Running'
        $container.Set()
        (Get-ContainerDetail -Name "$script:prefix-web").State | Should -Be 'running'

        $container.Memory = '128m'; $container.RestartPolicy = 'always'
        Get-VerboseText { $container.Set() } | Should -Match "Updating container '$script:prefix-web' in place"
        $detail = Get-ContainerDetail -Name "$script:prefix-web"
        $detail.Id | Should -Be $state.Id
        $detail.HostConfig.Memory | Should -Be 128MB
        $detail.RestartPolicy | Should -Be 'always'

        $container.Environment = @{ MODE = 'two' }
        Get-VerboseText { $container.Set() } | Should -Match 'environment variable MODE has another value'
        $detail = Get-ContainerDetail -Name "$script:prefix-web"
        $detail.Id | Should -Not -Be $state.Id
        $detail.Environment | Should -Contain 'MODE=two'
        $detail.State | Should -Be 'running'

        $container.Ensure = 'Absent'
        $container.Set()
        $container.Test() | Should -BeTrue
        Get-Container -All -Name "$script:prefix-web*" | Should -BeNullOrEmpty
    }

    It 'Container: a bad port is a terminating InvalidPort and makes nothing' {
        $container = New-DscResource Container @{ Name = "$script:prefix-bad"; Image = $script:image; Port = 'x' }
        { $container.Test() } | Should -Throw -ErrorId 'InvalidPort*'
        { $container.Set() } | Should -Throw -ErrorId 'InvalidPort*'
        Get-Container -All -Name "$script:prefix-bad*" | Should -BeNullOrEmpty
    }
}
