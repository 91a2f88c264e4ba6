"""Generates random small HCL expressions for the differential table eval-differential.tsv.

Usage: python3 eval-differential-gen.py SEED N [structural] > exprs.txt; evaluate each with Packer 1.6.6
(../shared/tools/packer-eval.sh on eval-differential.pkr.hcl, jsonencode(...), several per
process as jsonencode([jsonencode(e1), ...]), one by one when that fails) and append
"p<TAB>expression<TAB>result" lines; PackerEvalDifferentialTest then holds our evaluator to them.
The expressions compose functions, operators, conditionals, for expressions and templates over the
template's variables and locals, often with arguments of the wrong type, to compare messages too.
Lines whose result is Packer 1.6.6's null-in-jsonencode refusal (a documented deviation) or an
unknown value are left out.
"""
import random, sys
random.seed(int(sys.argv[1])); N=int(sys.argv[2])
strs=['"a"','"B c"','""','"héllo"','"1"','"3.5"','"true"','"a,b"','" x "','var.name','local.prefix','"%s"','"${var.count}"']
nums=['0','1','-2','3.5','1e3','var.count','-0.5','10']
bools=['true','false','var.enabled']
lists=['[]','["a", "b"]','[1, 2, 3]','var.zones','var.ids','local.numbers','[null]','[1, "a"]','[[1], [2]]','tolist(["x"])','toset(["b", "a"])','local.matrix','var.disks']
maps=['{}','{ a = 1 }','var.tags','var.image','{ a = "x", b = "y" }','tomap({ k = "v" })','{ a = [1] }']
nulls=['null','var.nothing']
def atom(kind=None):
    k=kind or random.choice(['s','n','b','l','m','z'])
    return random.choice({'s':strs,'n':nums,'b':bools,'l':lists,'m':maps,'z':nulls}[k])
F={
 'upper':['s'],'lower':['s'],'title':['s'],'strrev':['s'],'trimspace':['s'],'chomp':['s'],
 'length':['?'],'join':['s','l'],'split':['s','s'],'replace':['s','s','s'],'substr':['s','n','n'],
 'format':['s','?'],'formatlist':['s','?'],'trim':['s','s'],'trimprefix':['s','s'],'trimsuffix':['s','s'],
 'indent':['n','s'],'abs':['n'],'ceil':['n'],'floor':['n'],'max':['n','n'],'min':['n','n'],'pow':['n','n'],'signum':['n'],
 'concat':['l','l'],'distinct':['l'],'flatten':['l'],'reverse':['l'],'sort':['l'],'compact':['l'],'chunklist':['l','n'],
 'element':['l','n'],'contains':['l','?'],'keys':['m'],'values':['m'],'lookup':['m','s','?'],'merge':['m','m'],
 'slice':['l','n','n'],'zipmap':['l','l'],'tolist':['?'],'toset':['?'],'tomap':['?'],'tostring':['?'],'tonumber':['?'],'tobool':['?'],
 'coalesce':['?','?'],'coalescelist':['l','l'],'setunion':['l','l'],'setintersection':['l','l'],'setsubtract':['l','l'],'setproduct':['l','l'],
 'jsonencode':['?'],'base64encode':['s'],'urlencode':['s'],'md5':['s'],'sha1':['s'],'range':['n','n'],'matchkeys':['l','l','l'],
 'transpose':['m'],'yamlencode':['?'],'csvdecode':['s'],'jsondecode':['s'],'regex_replace':['s','s','s'],
}
def expr(d=0):
    r=random.random()
    if d>2 or r<0.35:
        return atom()
    if r<0.8:
        f=random.choice(list(F))
        args=[]
        for p in F[f]:
            if random.random()<0.8 and p!='?':
                args.append(expr(d+1) if random.random()<0.3 else atom(p))
            else:
                args.append(expr(d+1))
        return f+'('+', '.join(args)+')'
    if r<0.87:
        return '%s ? %s : %s'%(random.choice(bools), expr(d+1), expr(d+1))
    if r<0.94:
        return '[for x in %s : %s]'%(random.choice(lists), random.choice(['x','upper(x)','x == null','length(x)','"${x}"','[x]']))
    return '"%s${%s}%s"'%(random.choice(['','a-']), expr(d+1), random.choice(['','-z']))
# Mode "structural" (a third argument): splats, indexes, operators, object and tuple constructors,
# for expressions with keys and grouping, and template directives, around the expressions above.
MODE=sys.argv[3] if len(sys.argv)>3 else ''
def structural(d=0):
    r=random.random()
    x=expr(2) if random.random()<0.5 else atom()
    y=expr(2) if random.random()<0.5 else atom()
    if r<0.12: return '%s[*]'%random.choice(lists+maps+nulls+strs)
    if r<0.22: return '%s[*].%s'%(random.choice(['var.disks','local.groups','[{ a = 1 }]','var.image','null']),random.choice(['name','a','members','sku']))
    if r<0.32: return '%s[%s]'%(random.choice(lists+maps+strs),random.choice(nums+strs+['null','-1','"a"']))
    if r<0.45: return '%s %s %s'%(x,random.choice(['+','-','*','/','%','==','!=','<','>=','&&','||']),y)
    if r<0.52: return random.choice(['!','-'])+x
    if r<0.60: return '{ a = %s, "b" = %s }'%(x,y)
    if r<0.66: return '[%s, %s]'%(x,y)
    if r<0.76: return '{ for k, v in %s : %s => %s%s }'%(random.choice(lists+maps),random.choice(['k','v','"${k}"','tostring(v)','upper(k)','"x"']),random.choice(['v','k','[v]','length(v)']),random.choice(['','...',' if v != null','... if k != ""']))
    if r<0.86: return '"%%{ if %s }yes%%{ else }no%%{ endif }"'%x
    if r<0.94: return '"%%{ for k, v in %s }${k}=${v};%%{ endfor }"'%random.choice(lists+maps+nulls+strs)
    return '"${%s}${%s}"'%(x,y)
seen=set()
while len(seen)<N:
    e=structural() if MODE=='structural' else expr()
    if e not in seen:
        seen.add(e); print(e)
