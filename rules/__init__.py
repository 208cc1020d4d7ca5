"""Built-in rules: one YAML file a rule under <group>/<name>.yaml, word data under data/.

A regular package (not a namespace one) so importlib.resources.files() gives a real folder in an installed wheel.
"""
