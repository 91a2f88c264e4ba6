a { b {} }
c { d }
