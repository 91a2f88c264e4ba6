a b = 1
c "label"
{
}
d "x" 42 {
}
